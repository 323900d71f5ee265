// Prisma 6.19 ships its query compiler (the engine of `engineType = "client"`) as plain .mjs
// files without declarations, and the generated client imports them
// (lib/generated/prisma/internal/class.ts). Typed here as the runtime loads them, so the
// generated client type-checks like the rest of the code (scripts/prisma-generate.mjs).
declare module "@prisma/client/runtime/query_compiler_bg.postgresql.mjs" {
  import type { GetPrismaClientConfig } from "@prisma/client/runtime/client";

  type Runtime = Awaited<ReturnType<NonNullable<GetPrismaClientConfig["compilerWasm"]>["getRuntime"]>>;
  export const QueryCompiler: Runtime["QueryCompiler"];
  export const __wbg_set_wasm: Runtime["__wbg_set_wasm"];
}

declare module "@prisma/client/runtime/query_compiler_bg.postgresql.wasm-base64.mjs" {
  /** The query compiler's WebAssembly module, base64-encoded. */
  export const wasm: string;
}
