// Prints an scrypt hash of the admin password for DRIFTBOARD_ADMIN_PASSWORD_HASH, so the
// password itself need not sit in the environment:
//   printf '%s' 'my password' | npx tsx scripts/hash-password.ts
// (reading stdin keeps the password out of shell history and `ps`).
import { hashPassword } from "../lib/auth/password";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

async function main() {
  if (process.stdin.isTTY) {
    console.error("Pipe the password in: printf '%s' 'my password' | npx tsx scripts/hash-password.ts");
    process.exit(2);
  }
  const password = await readStdin();
  if (password.length < 8) {
    console.error("The password must be at least 8 characters.");
    process.exit(2);
  }
  console.log(await hashPassword(password));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
