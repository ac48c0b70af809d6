/**
 * A fetch for openapi-fetch that reports how much of the request body has been sent (fetch cannot; XMLHttpRequest
 * can). The server stores an import as it reads it, so for a large file the upload's progress is the import's.
 * Answers come back as a Response, so the client's problem handling applies unchanged.
 */
export function uploadWithProgress(onProgress: (sent: number, total: number) => void): (request: Request) => Promise<Response> {
  return async (request) => {
    const body = await request.blob();
    return new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      xhr.withCredentials = request.credentials !== 'omit';
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.responseType = 'blob';
      xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : body.size);
      xhr.onload = () => resolve(new Response([204, 205, 304].includes(xhr.status) ? null : (xhr.response as Blob),
        { status: xhr.status, statusText: xhr.statusText, headers: responseHeaders(xhr) }));
      // The same error fetch gives when the server cannot be reached, so the page says so in the usual words.
      xhr.onerror = () => reject(new TypeError('Failed to fetch'));
      xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
      request.signal.addEventListener('abort', () => xhr.abort());
      xhr.send(body);
    });
  };
}

function responseHeaders(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}
