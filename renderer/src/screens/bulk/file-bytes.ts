// A chosen file as the contract wants it: its bytes base64-encoded (main checks the encoding, so the text is
// not decoded here). Encoded in slices: one String.fromCharCode over megabytes would overflow the stack.
/** Main refuses more than this (the base64 limit of `bulk.validate` is 40 MB). */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;

/** A multiple of 3, so that the base64 of consecutive slices joins into the base64 of the whole. */
const SLICE = 3 * 8_192;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += SLICE) {
    const slice = bytes.subarray(start, start + SLICE);
    parts.push(btoa(String.fromCharCode(...slice)));
  }
  return parts.join('');
}

export async function fileToBase64(file: File): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
