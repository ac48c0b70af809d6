import { StreamLanguage, type StringStream } from '@codemirror/language';

interface State {
  inCode: boolean;
}

const keywords = /^(if|else|end|for|in|while|func|ret|with|capture|case|when|break|continue|empty|null|true|false|and|or|not)\b/;

/** Just enough Scriban to read a template: text, `{{ … }}` code with keywords, strings, numbers and pipes. */
export const scriban = StreamLanguage.define<State>({
  startState: () => ({ inCode: false }),
  token(stream: StringStream, state: State) {
    if (!state.inCode) {
      if (stream.match(/^\{\{~?-?/)) { state.inCode = true; return 'bracket'; }
      while (!stream.eol() && !stream.match(/^\{\{/, false)) stream.next();
      return null;
    }
    if (stream.match(/^~?-?\}\}/)) { state.inCode = false; return 'bracket'; }
    if (stream.eatSpace()) return null;
    if (stream.match(keywords)) return 'keyword';
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/) || stream.match(/^'(?:[^'\\]|\\.)*'?/)) return 'string';
    if (stream.match(/^\d+(\.\d+)?/)) return 'number';
    if (stream.match(/^\|/)) return 'operator';
    if (stream.match(/^[A-Za-z_][\w.]*/)) return 'variableName';
    stream.next();
    return null;
  },
});
