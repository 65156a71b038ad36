// Reads a secret (a merchant secret, an operator's PIN) from standard input: never from an argument, never echoed.
export async function readSecretFromStdin(
  stdin: NodeJS.ReadStream = process.stdin,
  prompt = 'Merchant secret',
): Promise<Buffer> {
  if (stdin.isTTY) process.stderr.write(`${prompt} (input hidden), then Enter: `);
  const chunks: Buffer[] = [];
  if (stdin.isTTY) stdin.setRawMode(true);
  try {
    for await (const chunk of stdin) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      const end = stdin.isTTY ? buffer.findIndex((b) => b === 0x0d || b === 0x0a) : -1;
      if (stdin.isTTY && buffer.includes(0x03)) throw new Error('cancelled');
      chunks.push(end >= 0 ? buffer.subarray(0, end) : buffer);
      if (end >= 0) break;
    }
  } finally {
    if (stdin.isTTY) {
      stdin.setRawMode(false);
      process.stderr.write('\n');
    }
  }
  const all = Buffer.concat(chunks);
  // Drop one trailing newline (echo "secret" | …) but keep every other byte as given.
  let length = all.length;
  if (length > 0 && all[length - 1] === 0x0a) length--;
  if (length > 0 && all[length - 1] === 0x0d) length--;
  const secret = Buffer.from(all.subarray(0, length));
  all.fill(0);
  if (secret.length === 0) throw new Error('no secret on standard input');
  return secret;
}
