import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { editRule, type FormRule, readRuleForm, readThreshold } from './ruleForm';

// The repository's own rule files: the form must read what ops actually have.
const rulesFolder = join(dirname(fileURLToPath(import.meta.url)), '../../../../../rules');
const ruleFile = (name: string) => readFileSync(join(rulesFolder, `${name}.json`), 'utf8');
const tiers = ruleFile('tiers');
const scoring = ruleFile('scoring');
const triggers = ruleFile('triggers');

function rules(text: string): FormRule[] {
  const read = readRuleForm(text);
  if (!read.ok) throw new Error(read.error);
  return read.workflows.flatMap((w) => w.rules);
}

const rule = (text: string, name: string) => rules(text).find((r) => r.name === name)!;

/** The text with one range replaced: what an edit may change, and nothing else. */
function onlyChanged(before: string, after: string) {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { removed: before.slice(start, before.length - end), added: after.slice(start, after.length - end) };
}

describe('readRuleForm', () => {
  it('reads the tiers in order with their thresholds, ranks and caps', () => {
    expect(rules(tiers).map((r) => [r.name, r.tier, r.rank, r.threshold, r.catchAll])).toEqual([
      ['PoorFit', 'Disqualified', 9, { score: 'Fit', op: '<', value: 20 }, false],
      ['Tier1Threshold', 'Tier1', 1, { score: 'Composite', op: '>=', value: 80 }, false],
      ['Tier2Threshold', 'Tier2', 2, { score: 'Composite', op: '>=', value: 50 }, false],
      ['Everyone', 'Tier3', 3, null, true],
    ]);
    expect(rule(tiers, 'Tier1Threshold').cap).toBe(50);
  });

  it('reads the components, their points and the weights', () => {
    const read = readRuleForm(scoring);
    expect(read.ok && read.workflows.map((w) => [w.name, w.concern, w.rules.length])).toEqual([
      ['Fit', 'component', 10], ['Technographic', 'component', 5], ['Engagement', 'component', 8], ['Intent', 'component', 5], ['Composite', 'composite', 4],
    ]);
    expect(rule(scoring, 'TooSmall')).toMatchObject({ points: -40, reason: 'Fewer than 20 employees', enabled: true, threshold: null });
    expect(rules(scoring).filter((r) => r.concern === 'composite').map((r) => [r.component, r.weight]))
      .toEqual([['Fit', 30], ['Technographic', 20], ['Engagement', 25], ['Intent', 25]]);
  });

  it('reads the triggers with action, tier and hold days', () => {
    expect(rule(triggers, 'PricingPageThreeTimes')).toMatchObject({ action: 'promote', tier: 'Tier1', holdDays: 14, concern: 'triggers' });
    expect(rule(triggers, 'ThreeOpensInAWeek')).toMatchObject({ action: 'flag', holdDays: undefined });
  });

  it('says where the JSON is broken instead of guessing', () => {
    const read = readRuleForm(tiers.replace('"tier": "Tier1",', '"tier": "Tier1"'));
    expect(read).toEqual({ ok: false, error: expect.stringMatching(/^This is not valid JSON: "," or "}" expected at line 8\.$/) });
    expect(readRuleForm('{}')).toMatchObject({ ok: false, error: expect.stringContaining('JSON array of workflows') });
  });

  it('reads only plain comparisons as thresholds', () => {
    expect(readThreshold('score.Composite > 72.5')).toEqual({ score: 'Composite', op: '>', value: 72.5 });
    expect(readThreshold('score.Composite >= 80 && score.Fit > 40')).toBeNull();
    expect(readThreshold('account.EmployeeCount >= 200')).toBeNull();
  });
});

describe('editRule', () => {
  it('lowers a threshold by changing only its number, and reads it back', () => {
    const edited = editRule(tiers, rule(tiers, 'Tier1Threshold').path, { field: 'threshold', value: 65 });

    expect(onlyChanged(tiers, edited)).toEqual({ removed: '80', added: '65' });
    expect(edited).toBe(tiers.replace('"score.Composite >= 80"', '"score.Composite >= 65"'));
    expect(rule(edited, 'Tier1Threshold').threshold).toEqual({ score: 'Composite', op: '>=', value: 65 });
    expect(rules(edited).filter((r) => r.name !== 'Tier1Threshold')).toEqual(rules(tiers).filter((r) => r.name !== 'Tier1Threshold'));
  });

  it('writes a weight and a rule’s points in place', () => {
    const weighted = editRule(scoring, rule(scoring, 'IntentWeight').path, { field: 'weight', value: 32.5 });
    const pointed = editRule(weighted, rule(weighted, 'TooSmall').path, { field: 'points', value: -35 });

    expect(pointed).toBe(scoring
      .replace('"component": "Intent", "weight": 25', '"component": "Intent", "weight": 32.5')
      .replace('"points": -40', '"points": -35'));
    expect([rule(pointed, 'IntentWeight').weight, rule(pointed, 'TooSmall').points]).toEqual([32.5, -35]);
  });

  it('writes hold days', () => {
    const edited = editRule(triggers, rule(triggers, 'SeriesABAnnounced').path, { field: 'holdDays', value: 45 });
    expect(rule(edited, 'SeriesABAnnounced').holdDays).toBe(45);
    expect(onlyChanged(triggers, edited)).toEqual({ removed: '30', added: '45' });
  });

  it('disables a rule with one added member and enabling it again gives back the file', () => {
    const path = rule(scoring, 'PublicSector').path;
    const disabled = editRule(scoring, path, { field: 'enabled', value: false });

    expect(disabled).toBe(scoring.replace('"RuleName": "PublicSector",', '"RuleName": "PublicSector", "Enabled": false,'));
    expect(rule(disabled, 'PublicSector').enabled).toBe(false);
    expect(editRule(disabled, path, { field: 'enabled', value: true })).toBe(scoring);
  });

  it('puts Enabled on its own line, indented like its neighbours, in a rule with one key per line', () => {
    const text = '[\n  {\n    "WorkflowName": "Fit",\n    "Rules": [\n      {\n        "RuleName": "A",\n        "Expression": "true",\n' +
      '        "Properties": { "points": 5 }\n      }\n    ]\n  }\n]\n';
    const disabled = editRule(text, [0, 0], { field: 'enabled', value: false });

    expect(disabled).toContain('        "RuleName": "A",\n        "Enabled": false,\n        "Expression": "true",');
    expect(editRule(disabled, [0, 0], { field: 'enabled', value: true })).toBe(text);
  });

  it('flips an Enabled that is already written, and keeps what the form does not know', () => {
    const text = '// ops: keep this comment\n[ { "WorkflowName": "Fit", "Rules": [\n  { "RuleName": "A", "ErrorMessage": "why", "Enabled": true, ' +
      '"Expression": "true", "Properties": { "points": 5, "reason": "R" } },\n] } ]';
    const disabled = editRule(text, [0, 0], { field: 'enabled', value: false });
    const pointed = editRule(disabled, [0, 0], { field: 'points', value: 7 });

    expect(pointed).toBe(text.replace('"Enabled": true', '"Enabled": false').replace('"points": 5', '"points": 7'));
    expect(rules(pointed)[0]).toMatchObject({ enabled: false, points: 7, reason: 'R' });
    expect(editRule(pointed, [0, 0], { field: 'enabled', value: true })).toBe(text.replace(', "Enabled": true', '').replace('"points": 5', '"points": 7'));
  });

  it('leaves the text alone when the edit does not fit the rule', () => {
    expect(editRule(tiers, rule(tiers, 'Everyone').path, { field: 'threshold', value: 10 })).toBe(tiers);
    expect(editRule(tiers, rule(tiers, 'Everyone').path, { field: 'points', value: 10 })).toBe(tiers);
    expect(editRule(tiers, [7, 0], { field: 'enabled', value: false })).toBe(tiers);
    expect(editRule('[ broken', [0, 0], { field: 'enabled', value: false })).toBe('[ broken');
  });
});
