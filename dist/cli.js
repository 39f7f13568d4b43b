#!/usr/bin/env node
const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// builtin:node:url
var require_node_url = __commonJS({
  "builtin:node:url"(exports, module) {
    module.exports = process.getBuiltinModule("node:url");
  }
});

// src/cli.ts
var import_node_url = __toESM(require_node_url(), 1);

// src/runtime/relaunch.ts
var FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP"];
async function runRelaunched(plan2) {
  const env = {};
  for (const [k, v] of Object.entries(plan2.env)) if (v !== void 0) env[k] = v;
  if (process.execve) {
    try {
      process.execve(process.execPath, [process.execPath, ...plan2.args], env);
    } catch {
    }
  }
  return runChild(plan2.args, env);
}
function runChild(args, env) {
  const { spawn } = process.getBuiltinModule("node:child_process");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env });
    const forward = (signal) => {
      child.kill(signal);
    };
    const stopForwarding = () => {
      for (const s of FORWARDED) process.off(s, forward);
    };
    for (const s of FORWARDED) process.on(s, forward);
    child.once("error", () => {
      if (child.pid !== void 0) return;
      stopForwarding();
      resolve(null);
    });
    child.once("exit", (code, signal) => {
      stopForwarding();
      if (signal) process.kill(process.pid, signal);
      resolve(code ?? 1);
    });
  });
}

// src/runtime/tuning.ts
var TUNED_MARK = "KBUILD_REVIEW_TUNED";
var RELAUNCH_SWITCH = "KBUILD_REVIEW_RELAUNCH";
var TUNED_NODE_FLAGS = [
  "--max-semi-space-size=8",
  "--min-semi-space-size=8",
  "--no-turbofan",
  "--single-threaded-gc",
  "--initial-old-space-size=256"
];
var MALLOC_TUNABLES = ["glibc.malloc.hugetlb=1", "glibc.malloc.top_pad=67108864"];
var SINGLE_ISOLATE_COMMANDS = /* @__PURE__ */ new Set(["kallsyms"]);
function nodeFlagsFor(argv) {
  const command = argv.find((a) => !a.startsWith("-"));
  return command !== void 0 && SINGLE_ISOLATE_COMMANDS.has(command) ? [] : TUNED_NODE_FLAGS;
}
var EVAL_FLAGS = /* @__PURE__ */ new Set(["-e", "--eval", "-p", "--print", "-i", "--interactive"]);
function relaunchPlan(p) {
  if (p.env[TUNED_MARK] === "1" || p.env[RELAUNCH_SWITCH] === "0") return null;
  if (p.execArgv.some((a) => EVAL_FLAGS.has(a.split("=")[0]))) return null;
  const env = { ...p.env, [TUNED_MARK]: "1" };
  if (p.platform === "linux") env.GLIBC_TUNABLES = withMallocTunables(p.env.GLIBC_TUNABLES);
  return { args: [...nodeFlagsFor(p.argv), ...p.execArgv, p.script, ...p.argv], env };
}
function withMallocTunables(tunables) {
  const own = tunables ? tunables.split(":") : [];
  const names = new Set(own.map((t) => t.split("=")[0]));
  return [...own, ...MALLOC_TUNABLES.filter((t) => !names.has(t.split("=")[0]))].join(":");
}

// src/cli.ts
var cliMain = new URL(`./cli-main${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);
var plan = relaunchPlan({
  script: (0, import_node_url.fileURLToPath)(cliMain),
  argv: process.argv.slice(2),
  execArgv: process.execArgv,
  env: process.env,
  platform: process.platform
});
var status = plan ? await runRelaunched(plan) : null;
if (status !== null) process.exitCode = status;
else await import(cliMain.href);
