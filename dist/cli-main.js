const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
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

// builtin:node:events
var require_node_events = __commonJS({
  "builtin:node:events"(exports, module) {
    module.exports = process.getBuiltinModule("node:events");
  }
});

// builtin:node:child_process
var require_node_child_process = __commonJS({
  "builtin:node:child_process"(exports, module) {
    module.exports = process.getBuiltinModule("node:child_process");
  }
});

// builtin:node:path
var require_node_path = __commonJS({
  "builtin:node:path"(exports, module) {
    module.exports = process.getBuiltinModule("node:path");
  }
});

// builtin:node:fs
var require_node_fs = __commonJS({
  "builtin:node:fs"(exports, module) {
    module.exports = process.getBuiltinModule("node:fs");
  }
});

// builtin:node:process
var require_node_process = __commonJS({
  "builtin:node:process"(exports, module) {
    module.exports = process.getBuiltinModule("node:process");
  }
});

// builtin:node:util
var require_node_util = __commonJS({
  "builtin:node:util"(exports, module) {
    module.exports = process.getBuiltinModule("node:util");
  }
});

// builtin:node:zlib
var require_node_zlib = __commonJS({
  "builtin:node:zlib"(exports, module) {
    module.exports = process.getBuiltinModule("node:zlib");
  }
});

// builtin:node:stream/web
var require_web = __commonJS({
  "builtin:node:stream/web"(exports, module) {
    module.exports = process.getBuiltinModule("node:stream/web");
  }
});

// node_modules/xz-decompress/dist/package/xz-decompress.js
var require_xz_decompress = __commonJS({
  "node_modules/xz-decompress/dist/package/xz-decompress.js"(exports, module) {
    (function webpackUniversalModuleDefinition(root, factory) {
      if (typeof exports === "object" && typeof module === "object")
        module.exports = factory(require_web());
      else if (typeof define === "function" && define.amd)
        define(["stream/web"], factory);
      else if (typeof exports === "object")
        exports["xz-decompress"] = factory(require_web());
      else
        root["xz-decompress"] = factory(root["stream/web"]);
    })(exports, (__WEBPACK_EXTERNAL_MODULE__2__) => {
      return (
        /******/
        (() => {
          "use strict";
          var __webpack_modules__ = [
            ,
            /* 1 */
            /***/
            ((module2) => {
              module2.exports = "data:application/wasm;base64,AGFzbQEAAAABOApgAX8Bf2ABfwBgAABgA39/fwF/YAABf2ACf38AYAN/f34BfmACf38Bf2AEf39/fwF/YAN/f38AAyEgAAABAgMDAwMEAQUAAgMCBgcIBwUDAAMHAQcABwcBAwkFAwEAAgYIAX8BQfCgBAsHTgUGbWVtb3J5AgAOY3JlYXRlX2NvbnRleHQACA9kZXN0cm95X2NvbnRleHQACQxzdXBwbHlfaW5wdXQACg9nZXRfbmV4dF9vdXRwdXQACwqQYCDfAgEFf0EAIQECQCAAQQdqIgJBEEkNAEEBIQEgAkEDdiIDQQJGDQBBAiEBIAJBIEkNAEEDIQEgA0EERg0AQQQhASACQTBJDQBBBSEBIANBBkYNAEEGIQEgAkHIAEkNAEEHIQEgAkHYAEkNAEEIIQEgAkGIAUkNAEEJIQEgAkGIAkkNACAAEIGAgIAAIgBBCGpBACAAGw8LAkACQCABQQJ0QcCIgIAAaiIEKAIAIgANAEEAIQACQAJAQQAoAuSIgIAAIgJFDQBBACACKAIANgLkiICAAAwBC0EAEIGAgIAAIgJFDQILIAJBgIB8cSIAIAJBCHZB/wFxIgJyIAE6AAAgACACQQh0ckGAAmohAEEAIQJBACABQQJ0QYCIgIAAaigCACIDayEFIAMhAQNAIAAgBWoiACACNgIAIAAhAiABIANqIgFBgQJJDQALIAQgADYCAAsgBCAAKAIANgIACyAAC/QHAQh/QQAoArCIgIAAIQECQAJAAkACQAJAQQAtALSIgIAARQ0AQQBBADoAtIiAgAAgAUUNAUGwiICAACECA0ACQAJAIAFBCGoiAyABKAIEIgRqIgVBCHZB/wFxIgYNACABIQIMAQsCQANAIAVBgIB8cSAGai0AAEH+AUcNAUGwiICAACEGA0AgBiIHKAIAIgYgBUcNAAsgByAFKAIANgIAIAEgBCAFKAIEakEIaiIENgIEIAcgAiACIAVGGyECIAMgBGoiBUEIdkH/AXEiBg0ACwsgAigCACECCyACKAIAIgENAAtBACgCsIiAgAAhAQsgAUUNACAAQYcCakGAfnEhCEF/IQJBsIiAgAAhBEEAIQNBsIiAgAAhBgNAIAYhBwJAIAEiBigCBCIFIABJDQAgBSACTw0AIAUhAiAHIQQgBiEDIAVBCGogCEcNACAHIQQgBSECIAYhAwwECyAGKAIAIgENAAsgAw0CDAELQbCIgIAAIQQLPwBBEHQhASAAQYgCaiEHQQAhAwJAAkBBACgCuIiAgAAiAkUNAEEAIQUgASEGDAELQQAgAUHwoISAAEH//wNqQYCAfHEiBmsiAjYCuIiAgAAgAiEFCwJAIAcgBU0NACACQQF2IgIgByAFayIHIAIgB0sbQf//A2oiB0EQdkAAQX9GDQJBAEEAKAK4iICAACAHQYCAfHEiA2o2AriIgIAACyAGRQ0BIAZB/wE6AAEgBkEAKAKwiICAADYCgAIgBkGEAmogAyAFakGAgHxxQfh9aiICNgIAIAZBgAJqIQMLIANBgIB8cSIGIANBCHZB/wFxckH/AToAACAEIAMoAgA2AgACQCACIABrQYB+cSIFDQAgAw8LIAMhAQJAIAYgBUF/cyADQQhqIgQgAmoiB2pBgIB8cUYNACAEQf//A3EhBQJAIABB9/0DSw0AIAYgBEEIdkH/AXFqQf4BOgAAIANBACgCsIiAgAA2AgAgA0GAgAQgBWsiBTYCBEEAIAM2ArCIgIAAEIOAgIAAIAZBhIIEaiACIAVrQfh9aiIFNgIAIAZBgYAEakH/AToAACAGQYCCBGohASAFIABrQYB+cSEFDAELIAIgBWogACAFakH//3tqQYCAfHFrQYCAeGohBSADIQELIAEgASgCBCAFazYCBCAFQfgBaiEGIAcgBWtBCHZB/wFxIQUCQANAIAYiB0GAfmohBiAFIgQNAUEBIQUgB0H4AUcNAAsLAkAgB0H4AUYNACACIANqIAZrQYCAfHEiBSAEakH+AToAACAFIARBCHRqIgVBACgCsIiAgAA2AgAgBSAGNgIEQQAgBTYCsIiAgAAQg4CAgAALIAEPC0EAC3wBAn8CQCAARQ0AAkAgAEGAgHxxIABBCHZB/wFxciIBLQAAIgJB/wFHDQAgAEF4aiIAQQAoArCIgIAANgIAQQAgADYCsIiAgAAgAUH+AToAAEEAQQE6ALSIgIAADwsgACACQQJ0QcCIgIAAaiICKAIANgIAIAIgADYCAAsLawECfwJAQQAoArCIgIAAIgAoAgRB/wFLDQAgAEGAgHxxIgEgAEEIdkH/AXEiAHJBCToAAEEAQQAoArCIgIAAKAIANgKwiICAACABIABBCHRyIgBBACgC5IiAgAA2AgBBACAANgLkiICAAAsLTgECfwJAIAAgAUYNACACRQ0AA0ACQCAALQAAIgMgAS0AACIERg0AQQFBfyADIARLGw8LIAFBAWohASAAQQFqIQAgAkF/aiICDQALC0EAC3gBAX8CQAJAIAAgAU8NACACRQ0BIAAhAwNAIAMgAS0AADoAACABQQFqIQEgA0EBaiEDIAJBf2oiAg0ADAILCyAAIAFNDQAgAkUNACABQX9qIQEgAEF/aiEDA0AgAyACaiABIAJqLQAAOgAAIAJBf2oiAg0ACwsgAAssAQF/AkAgAkUNACAAIQMDQCADIAE6AAAgA0EBaiEDIAJBf2oiAg0ACwsgAAt/AQF/AkACQCABIAByIAJyQQNxRQ0AIAJFDQEgACEDA0AgAyABLQAAOgAAIAFBAWohASADQQFqIQMgAkF/aiICDQAMAgsLIAJBBEkNACACQQJ2IQIgACEDA0AgAyABKAIANgIAIAFBBGohASADQQRqIQMgAkF/aiICDQALCyAAC4gBAQJ/AkBBAC0A6IiAgAANAEEAQQE6AOiIgIAAEIyAgIAAEI6AgIAAC0GggAgQgICAgAAiAEGAgAQ2AgBBAkGAgIAgEJeAgIAAIQEgAEEUakKAgICAgIDAADcCACAAQRBqIABBoIAEajYCACAAQQhqQgA3AgAgACAAQSBqNgIEIAAgATYCHCAACxUAIAAoAhwQmICAgAAgABCCgICAAAsWACAAQQxqIAE2AgAgAEEIakEANgIACxsAIAAoAhwgAEEEaiAAQQxqKAIARRCWgICAAAtUAQN/QQAhAANAQQghASAAIQIDQEEAIAJBAXFrQaCG4u1+cSACQQF2cyECIAFBf2oiAQ0ACyAAQQJ0QfCIgIAAaiACNgIAIABBAWoiAEGAAkcNAAsLTgACQCABRQ0AIAJBf3MhAgNAIAJB/wFxIAAtAABzQQJ0QfCIgIAAaigCACACQQh2cyECIABBAWohACABQX9qIgENAAsgAkF/cyECCyACC10DAX4BfwF+QgAhAANAQQghASAAIQIDQEIAIAJCAYN9QsKenLzd8pW2SYMgAkIBiIUhAiABQX9qIgENAAsgAKdBA3RB8JCAgABqIAI3AwAgAEIBfCIAQoACUg0ACwtPAAJAIAFFDQAgAkJ/hSECA0AgAkL/AYMgADEAAIWnQQN0QfCQgIAAaikDACACQgiIhSECIABBAWohACABQX9qIgENAAsgAkJ/hSECCyACC8oQAgx/An4CQAJAIAAoAiRFDQAgACgCACECDAELQQAhAiAAQQA6ACggAEIANwMAIABCADcDGCAAQcgAakEAQeQAEIaAgIAAGiAAQawBakEMNgIACyAAIAEoAgQiAzYCECAAQeAAaiEEIABByABqIQUgAEG2AWohBiAAQbABaiEHIABBqAFqIQggASgCECEJAkACQAJAAkADQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQCACDgoBAgAEBQYHCAkKDwsgASgCACEKIAAoAqgBIQIgACgCrAEhCyABKAIEIQwgASgCCCENDAILIAcgACgCqAEiDGogASgCACABKAIEIgJqIAEoAgggAmsiAiAAKAKsASAMayIMIAIgDEkbIgIQh4CAgAAaIAEgASgCBCACajYCBEEAIQwgAEEAIAAoAqgBIAJqIgIgAiAAKAKsASILRhs2AqgBIAIgC0cNESAAQQE2AgACQCAHQaiIgIAAQQYQhICAgABFDQBBBSEMDBILIAZBAkEAEI2AgIAAIAAoALgBRw0QQQYhDCAGLQAADREgACAALQC3ASICNgIgIAJBBEsNEUEBIAJ0QRNxRQ0RCyABKAIEIgwgASgCCCINRg0OAkAgASgCACIKIAxqLQAAIgsNACAAIAw2AhAgASAMQQFqNgIEQQYhAgwMC0EAIQIgAEEANgKoASAAQQI2AgAgACALQQJ0QQRqIgs2AqwBIAAgCzYCQAsgByACaiAKIAxqIA0gDGsiDCALIAJrIgIgDCACSRsiAhCHgICAABogASABKAIEIAJqNgIEQQAhDCAAQQAgACgCqAEgAmoiAiACIAAoAqwBIgtGGzYCqAEgAiALRw0PIAAgAkF8aiICNgKsAUEHIQwgByACQQAQjYCAgAAgByAAKAKsASICaigAAEcNDyAAQQI2AqgBIAAtALEBIgtBP3ENDAJAAkAgC0HAAHFFDQAgACAHIAggAhCRgICAAEEBRw0RIAAgACkDCDcDMCAAKAKsASECIAAtALEBIQsMAQsgAEJ/NwMwC0J/IQ4CQCALwEF/Sg0AIAAgByAIIAIQkYCAgABBAUcNECAAKAKsASECIAApAwghDgsgACAONwM4IAIgACgCqAEiC2tBAkkNDyAAIAtBAWoiCjYCqAEgCCALakEIai0AAEEhRw0MIAAgC0ECaiINNgKoASAIIApqQQhqLQAAQQFHDQwgAiANRg0PIAAgC0EDajYCqAEgACgCsAkgCCANakEIai0AABCcgICAACIMDQ8gACgCrAEiAiAAKAKoASIMIAIgDEsbIQ0CQANAIA0gDEYNASAAIAxBAWoiAjYCqAEgACAMaiELIAIhDCALQbABai0AAA0ODAALCyAFQgA3AwAgAEEANgKoASAAQQM2AgAgBUEIakIANwMACyAAIAEoAgQ2AhAgACABKAIQNgIUIAAoArAJIAEQmYCAgAAhDCAAIAApA0ggASgCBCAAKAIQa618Ig43A0ggACAAKQNQIAEoAhAgACgCFCICayILrXwiDzcDUCAOIAApAzBWDQ0gDyAAKQM4Vg0NAkACQAJAAkAgACgCIEF/ag4EAAMDAQMLIAEoAgwgAmogCyAAKAIYEI2AgIAArSEODAELIAEoAgwgAmogCyAAKQMYEI+AgIAAIQ4LIAAgDjcDGAsgDEEBRw0OAkAgACkDMCIOQn9RDQAgDiAFKQMAUg0OCwJAIAApAzgiDkJ/UQ0AQQchDCAOIAApA1BSDQ8LIAAgACkDSCAANQJAfCAAKQNgfCIPNwNgQgQhDgJAAkACQCAAKAIgQX9qDgQBAgIAAgtCCCEOCyAEIA4gD3w3AwALIAAgACkDaCAAKQNQfDcDaCAAIARBGCAAKAJwEI2AgIAANgJwIABBBDYCACAAIAApA1hCAXw3A1gLAkAgBSkDACIOQgODUA0AIA5CAXwhDiABKAIEIQwgASgCCCELA0AgCyAMRg0NIAEgDEEBaiICNgIEIAEoAgAgDGotAAANDiAFIA43AwAgDkIDgyEPIA5CAXwhDiACIQwgD0IAUg0ACwsgAEEFNgIAC0EBIQIgACgCIEF/ag4EBgcHBQcLIAAgARCSgICAACIMQQFHDQsgAEEHNgIAC0EAIAAoAhBrIQUgAEGAAWopAwAhDiABKAIEIQwCQANAIA4gBSAMaq18QgODUA0BAkAgDCABKAIIRw0AIAAgARCTgICAAAwLCyABIAxBAWoiAjYCBCABKAIAIAxqIQsgAiEMIAstAAANCwwACwsgACABEJOAgIAAQQchDCAEIABBkAFqQRgQhICAgAANCiAAQQg2AgALIAAgAUEgEJSAgIAAIgxBAUcNCSAAQQk2AgBBDCELIABBDDYCrAEMAQsgACgCrAEhCwsgByAAKAKoASIMaiABKAIAIAEoAgQiAmogASgCCCACayICIAsgDGsiDCACIAxJGyICEIeAgIAAGiABIAEoAgQgAmo2AgRBACEMIABBACAAKAKoASACaiICIAIgACgCrAEiC0YbNgKoASACIAtHDQcgABCVgICAACEMDAcLQQEhAiAAIAFBwAAQlICAgAAiDEEBRw0GDAELQQEhAiAAIAFBIBCUgICAACIMQQFHDQULIAAgAjYCAAwACwtBBiEMDAILQQAhDAwBC0EHIQwLAkACQCAAKAIkDQACQAJAIAwOAgADAQtBB0EIIAEoAgQgASgCCEYbIQwLIAEgCTYCECABIAM2AgQgDA8LAkAgDA0AIAMgASgCBEcNACAJIAEoAhBHDQAgAC0AKCEBIABBAToAKCABQQN0DwsgAEEAOgAoCyAMC6YBAQN/AkAgACgCBCIEDQAgAEIANwMICyACKAIAIgUgAyAFIANLGyEGA0ACQCAGIAVHDQBBAA8LIAEgBWotAAAhAyACIAVBAWoiBTYCACAAIANB/wBxrSAErYYgACkDCIQ3AwgCQAJAIAPAIgNBAEgNAAJAIAMNAEEHIQMgBA0CCyAAQQA2AgRBAQ8LQQchAyAAIARBB2oiBDYCBCAEQT9HDQELCyADC6ECAgN/AX4gAEGQAWohAiABQQRqIQMDQAJAIAAgASgCACADIAEoAggQkYCAgAAiBEEBRg0AIABBgAFqIgMgAykDACABKAIEIAAoAhAiA2siAq18NwMAIAAgAyABKAIAaiACIAAoAhgQjYCAgACtNwMYIAQPCwJAAkACQAJAAkAgACgCeA4DAAIBAwsgACAAKQMIIgU3A4gBAkAgBSAAKQNYUQ0AQQcPCyAAQQE2AngMAwsgACAAKQOYASAAKQMIfDcDmAEgACACQRggACgCoAEQjYCAgAA2AqABIABBATYCeCAAIAApA4gBQn98IgU3A4gBDAILIABBAjYCeCAAIAApA5ABIAApAwh8NwOQAQsgACkDiAEhBQsgBUIAUg0AC0EBC0ABAn8gAEGAAWoiAiACKQMAIAEoAgQgACgCECICayIDrXw3AwAgACACIAEoAgBqIAMgACgCGBCNgICAAK03AxgLfAEEfyABKAIEIQMgASgCCCEEA0ACQCAEIANHDQBBAA8LIAEgA0EBaiIFNgIEAkAgASgCACADai0AACAAKQMYIAAoAgQiA62Ip0H/AXFGDQBBBw8LIAAgA0EIaiIGNgIEIAUhAyAGIAJJDQALIABBADYCBCAAQgA3AxhBAQtvAQF/QQchAQJAIABBugFqLwAAQdm0AUcNACAAQbQBakEGQQAQjYCAgAAgAEGwAWooAABHDQAgAEGAAWopAwBCAoggADUAtAFSDQAgAEG4AWotAAANAEEBQQcgACgCICAAQbkBai0AAEYbIQELIAELwAIBA38CQAJAAkAgACgCJA0AIABBADoAKCAAQQA2AgBBASECDAELAkAgACgCAEEKRw0AQQAhAwwCC0ECIQMMAQtBASEDCwJAAkADQAJAAkACQAJAIAMOAwABAwMLIAEoAgQiAyABKAIIIgRGDQQgASgCACEFAkADQCAFIANqLQAADQEgASADQQFqIgM2AgQgACAAKAIEQQFqQQNxNgIEIAQgA0YNBgwACwsCQCAAKAIERQ0AQQcPCyAAKAIkRQ0BIABBADoAKCAAQQA2AgBBASEDDAMLIABCADcDGCAAQQA2AgQgAEHIAGpBAEHkABCGgICAABogAEGsAWpBDDYCAAtBAiEDDAELIAAgARCQgICAACIDQQFHDQIgAEEKNgIAQQAhAwwACwsCQCACDQBBAA8LQQdBASAAKAIEGyEDCyADC3UBAX8CQEG4CRCAgICAACICRQ0AIAIgADYCJCACIAAgARCbgICAACIANgKwCQJAIABFDQAgAkEAOgAoIAJCADcDACACQgA3AxggAkHIAGpBAEHkABCGgICAABogAkGsAWpBDDYCACACDwsgAhCCgICAAAtBAAseAAJAIABFDQAgACgCsAkQnYCAgAAgABCCgICAAAsL3RABCn8gAEHo3QFqIQIgAEHUAGohAyAAQRxqIgRBCGohBQJAAkADQCAAKAJAIQYCQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkAgASgCBCIHIAEoAghJDQAgBkEHRg0BDBELIAYOCQECAwQFBgcACQ4LIAAoAkwhBgwHC0EBIQYgASAHQQFqNgIEIAEoAgAgB2otAAAiB0UNCAJAAkAgB0HfAUsNACAHQQFHDQELIABBgAI7AVACQCAAKAI8DQAgACABKAIMIAEoAhAiBmo2AhggACABKAIUIAZrNgIsCyAEQgA3AgAgBUIANwIADAoLIAAtAFBFDQkMDQsgASAHQQFqNgIEIAEoAgAgB2otAAAhByAAQQI2AkAgACAHQQh0IAAoAkhqNgJIDAsLIAEgB0EBajYCBCABKAIAIAdqLQAAIQcgAEEDNgJAIAAgByAAKAJIakEBajYCSAwKCyABIAdBAWo2AgQgASgCACAHai0AACEHIABBBDYCQCAAIAdBCHQ2AkwMCQsgASAHQQFqNgIEIAEoAgAgB2otAAAhByAAIAAoAkQ2AkAgACAHIAAoAkxqQQFqNgJMDAgLIAEgB0EBajYCBEEHIQYgASgCACAHai0AACIHQeABSw0DQQAhCAJAAkAgB0EtTw0AQQAhCQwBCyAHQVNqIgcgB0H/AXFBLW4iCUEtbGshByAJQQFqIQkLIABBfyAJdEF/czYCdAJAIAdB/wFxQQlJDQAgB0F3aiIHIAdB/wFxQQluIghBCWxrIQcgCEEBaiEICyAAIAg2AnAgACAHQf8BcSIHNgJsIAggB2pBBEsNAyADQgA3AgAgA0EIakIANwIAIANBEGpBADYCACAAQX8gCHRBf3M2AnBB+AAhBwNAIAAgB2pBgAg7AQAgB0ECaiIHQeTdAUcNAAsgAEEGNgJAIABBBTYCCCAAQv////8PNwIACyAAKAJMIgpBBUkNBwJAIAAoAggiB0UNACAHQX9qIQYgASgCBCEHIAEoAgghCQNAIAkgB0YNCiABIAdBAWoiCDYCBCABKAIAIAdqLQAAIQcgACAGNgIIIAAgByAAKAIEQQh0cjYCBCAIIQcgBkF/aiIGQX9HDQALCyAAQQc2AkAgACAKQXtqIgY2AkwLIAAgACgCICIHIAEoAhQgASgCEGsiCCAAKAJIIgkgCCAJSRsiCGogACgCLCIJIAkgB2sgCEsbNgIoIAEoAggiCiABKAIEIghrIQcCQAJAAkAgACgC5N0BIgkNACAGDQFBACEGCyACIAlqIAEoAgAgCGpBKiAJayIIIAYgCWsiBiAIIAZJGyIGIAcgBiAHSRsiBxCHgICAABoCQAJAIAAoAuTdASIIIAdqIgYgACgCTEcNACACIAhqIAdqQQBBPyAGaxCGgICAABogACgC5N0BIAdqIQYMAQsCQCAGQRRLDQAgACAGNgLk3QEgASABKAIEIAdqNgIEDAMLIAZBa2ohBgsgAEEANgIQIAAgAjYCDCAAIAY2AhRBByEGIAAQmoCAgABFDQMgACgCECIIIAAoAuTdASIJIAdqSw0DIAAgACgCTCAIayIGNgJMAkAgCCAJTw0AIAAgCSAIayIHNgLk3QEgAiACIAhqIAcQhYCAgAAaDAILIABBADYC5N0BIAEgASgCBCAIIAlraiIINgIEIAEoAggiCiAIayEHCwJAIAdBFUkNACAAIAg2AhAgACABKAIANgIMIAAgCkFraiAIIAZqIAcgBkEVakkbNgIUQQchBiAAEJqAgIAARQ0DIAAoAkwiByAAKAIQIgggASgCBGsiCUkNAyABIAg2AgQgACAHIAlrIgY2AkwgASgCCCAIayIHQRRLDQELIAIgASgCACAIaiAHIAYgByAGSRsiBxCHgICAABogACAHNgLk3QEgASABKAIEIAdqNgIECyAAKAIgIgYgACgCHCIIayEHAkAgACgCPEUNAAJAIAYgACgCLEcNACAAQQA2AiALIAEoAgwgASgCEGogACgCGCAIaiAHEIeAgIAAGiAAKAIgIQYLIAAgBjYCHCABIAEoAhAgB2oiCDYCECAAIAAoAkgiBiAHazYCSAJAIAYgB0cNAEEHIQYgACgCTA0CIAAoAmgNAiAAKAIEDQIgAEEANgJADAQLQQAhBiAIIAEoAhRGDQEgASgCBCABKAIIRw0FIAAoAuTdASAAKAJMTw0FDAELAkADQCAAKAJMIghFDQFBACEGIAEoAggiCSAHTQ0CIAEoAhQiCiABKAIQIgtNDQIgACAIIAkgB2siBiAKIAtrIgkgBiAJSRsiBiAAKAIsIAAoAiAiCWsiCiAGIApJGyIGIAggBiAISRsiBms2AkwgCSAAKAIYaiABKAIAIAdqIAYQhYCAgAAaIAAgACgCICAGaiIHNgIgAkAgACgCJCAHTw0AIAAgBzYCJAsCQCAAKAI8RQ0AAkAgByAAKAIsRw0AIABBADYCIAsgASgCDCABKAIQaiABKAIAIAEoAgRqIAYQhYCAgAAaIAAoAiAhBwsgACAHNgIcIAEgASgCECAGajYCECABIAEoAgQgBmoiBzYCBAwACwsgAEEANgJADAQLIAYPCyAHwEF/Sg0BIABBATYCQCAAIAdBEHRBgID8AHE2AkgCQCAHQcABSQ0AIABBBTYCRCAAQQA6AFEMAwsgAC0AUQ0DIABBBjYCRCAHQaABSQ0CIANCADcCACADQRBqQQA2AgAgA0EIakIANwIAQfgAIQcDQCAAIAdqQYAIOwEAIAdBAmoiB0Hk3QFHDQALCyAAQQU2AgggAEL/////DzcCAAwBCyAHQQJLDQEgAEKDgICAgAE3AkAMAAsLQQcPC0EAC5wYARR/IABBGGohAQJAIABBIGooAgAiAiAAQShqKAIAIgNPDQAgAEHoAGoiBCgCAEUNACABIAQgACgCVBCegICAABogACgCKCEDIAAoAiAhAgsCQCACIANPDQAgAEHYC2ohBSAAQbwNaiEGIABB3A1qIQcgAEHoAGohCCAAQeAVaiEJIABB1ABqIQoDQCAAKAIQIgsgACgCFEsNASAAIAAoAmQiDEEFdGogACgCdCACcSINQQF0aiIOQfgAaiEPAkACQCAAKAIAIgNBgICACEkNACAAKAIEIRAMAQsgACADQQh0IgM2AgAgACALQQFqIgQ2AhAgACAAKAIEQQh0IAAoAgwgC2otAAByIhA2AgQgBCELCwJAAkAgECADQQt2IA8vAQAiEWwiBE8NACAAIAQ2AgAgDyARQYAQIBFrQQV2ajsBACACQX9qIQMCQCACDQAgACgCLCADaiEDCwJAAkAgACgCJCIRDQBBACEDDAELIAEoAgAgA2otAAAhAwsgACAAKAJwIAJxIAAoAmwiD3QgA0EIIA9rdmpBgAxsakHkHWohDgJAAkAgDEEGSw0AQQEhAwNAIA4gA0EBdCIDaiEQAkACQCAAKAIAIgRBgICACEkNACAAKAIEIQwMAQsgACAEQQh0IgQ2AgAgACAAKAIQIg9BAWo2AhAgACAAKAIEQQh0IA8gACgCDGotAAByIgw2AgQLAkACQCAMIARBC3YgEC8BACIRbCIPSQ0AIAAgDCAPazYCBCAEIA9rIQ8gA0EBciEDIBEgEUEFdmshBAwBCyARQYAQIBFrQQV2aiEECyAAIA82AgAgECAEOwEAIANBgAJJDQALIAAoAiAhAgwBCyACIAAoAlQiD0F/c2ohAwJAIAIgD0sNACAAKAIsIANqIQMLAkACQCARDQBBACESDAELIAEoAgAgA2otAAAhEgtBASEDQYACIQ8DQCAOIBJBAXQiEiAPcSITIA9qIANqQQF0aiERAkACQCAEQf///wdNDQAgBCENDAELIAAgBEEIdCINNgIAIAAgC0EBaiIENgIQIAAgEEEIdCAAKAIMIAtqLQAAciIQNgIEIAQhCwsCQAJAIBAgDUELdiARLwEAIgxsIgRPIhQNACAMQYAQIAxrQQV2aiEMDAELIAAgECAEayIQNgIEIA0gBGshBCAMIAxBBXZrIQxBACEPCyAAIAQ2AgAgESAMOwEAIA8gE3MhDyADQQF0IBRyIgNBgAJJDQALCyAAIAJBAWo2AiAgACgCGCACaiADOgAAAkAgACgCJCAAKAIgIgJPDQAgACACNgIkC0EAIQMCQCAAKAJkIgRBBEkNAAJAIARBCUsNACAEQX1qIQMMAQsgBEF6aiEDCyAAIAM2AmQMAQsgACADIARrIgM2AgAgACAQIARrIgQ2AgQgDyARIBFBBXZrOwEAIAAgDEEBdGoiEkH4A2ohDwJAAkAgA0H///8HTQ0AIAshEwwBCyAAIANBCHQiAzYCACAAIAtBAWoiEzYCECAAIARBCHQgACgCDCALai0AAHIiBDYCBAsCQAJAIAQgA0ELdiAPLwEAIhBsIhFJDQAgACADIBFrIgw2AgAgACAEIBFrIgM2AgQgDyAQIBBBBXZrOwEAIBJBkARqIQ8CQAJAIAxB////B00NACATIREMAQsgACAMQQh0Igw2AgAgACATQQFqIhE2AhAgACADQQh0IAAoAgwgE2otAAByIgM2AgQLAkACQCADIAxBC3YgDy8BACIQbCIETw0AIAAgBDYCACAPIBBBgBAgEGtBBXZqOwEAIA5B2ARqIQ8CQCAEQf///wdLDQAgACAEQQh0IgQ2AgAgACARQQFqNgIQIAAgA0EIdCAAKAIMIBFqLQAAciIDNgIECwJAIAMgBEELdiAPLwEAIhBsIhFJDQAgACAEIBFrNgIAIAAgAyARazYCBCAPIBAgEEEFdms7AQAMAgsgACARNgIAIA8gEEGAECAQa0EFdmo7AQAgAEEBNgJoIABBCUELIAAoAmRBB0kbNgJkDAMLIAAgDCAEayIMNgIAIAAgAyAEayIDNgIEIA8gECAQQQV2azsBACASQagEaiEEAkACQCAMQf///wdNDQAgESEODAELIAAgDEEIdCIMNgIAIAAgEUEBaiIONgIQIAAgA0EIdCAAKAIMIBFqLQAAciIDNgIECwJAAkAgAyAMQQt2IAQvAQAiD2wiEE8NACAAIBA2AgAgBCAPQYAQIA9rQQV2ajsBACAAKAJYIQMMAQsgACAMIBBrIhE2AgAgACADIBBrIgM2AgQgBCAPIA9BBXZrOwEAIBJBwARqIQ8CQCARQf///wdLDQAgACARQQh0IhE2AgAgACAOQQFqNgIQIAAgA0EIdCAAKAIMIA5qLQAAciIDNgIECwJAAkAgAyARQQt2IA8vAQAiEGwiBE8NACAQQYAQIBBrQQV2aiEQIAAoAlwhAwwBCyAAIAMgBGs2AgQgACgCYCEDIAAgACgCXDYCYCARIARrIQQgECAQQQV2ayEQCyAAIAQ2AgAgDyAQOwEAIAAgACgCWDYCXAsgACAAKAJUNgJYIAAgAzYCVAsgAEEIQQsgACgCZEEHSRs2AmQgACAJIA0Qn4CAgAAMAQsgACARNgIAIA8gEEGAECAQa0EFdmo7AQAgACAAKAJcNgJgIAAgACkCVDcCWCAAQQdBCiAAKAJkQQdJGzYCZCAAIAcgDRCfgICAACAKIAAoAmgiA0F+akEDIANBBkkbQQd0akGEB2ohDUEBIQMDQCANIANBAXQiA2ohEAJAAkAgACgCACIEQYCAgAhJDQAgACgCBCEMDAELIAAgBEEIdCIENgIAIAAgACgCECIPQQFqNgIQIAAgACgCBEEIdCAPIAAoAgxqLQAAciIMNgIECwJAAkAgDCAEQQt2IBAvAQAiEWwiD0kNACAAIAwgD2s2AgQgBCAPayEPIANBAXIhAyARIBFBBXZrIQQMAQsgEUGAECARa0EFdmohBAsgACAPNgIAIBAgBDsBACADQcAASQ0ACwJAIANBQGoiBEEDSw0AIAAgBDYCVAwBCyAAIANBAXFBAnIiDzYCVCAEQQF2IRACQCAEQQ1LDQAgACAPIBBBf2oiDnQiBDYCVEEBIQ8gBSAEQQF0akHAACADa0EBdGpBfmohEkEAIQwDQCASIA9BAXQiD2ohEAJAAkAgACgCACIDQYCAgAhJDQAgACgCBCENDAELIAAgA0EIdCIDNgIAIAAgACgCECIEQQFqNgIQIAAgACgCBEEIdCAEIAAoAgxqLQAAciINNgIECwJAAkAgDSADQQt2IBAvAQAiEWwiBEkNACAAIA0gBGs2AgQgACAAKAJUQQEgDHRqNgJUIAMgBGshBCAPQQFyIQ8gESARQQV2ayEDDAELIBFBgBAgEWtBBXZqIQMLIAAgBDYCACAQIAM7AQAgDiAMQQFqIgxHDQAMAgsLIBBBe2ohECAAKAIEIQQgACgCACEDA0ACQCADQf///wdLDQAgACADQQh0IgM2AgAgACAAKAIQIhFBAWo2AhAgBEEIdCARIAAoAgxqLQAAciEECyAAIANBAXYiAzYCACAAIAQgA2siBEEfdSIRIA9BAXRqQQFqIg82AlQgACARIANxIARqIgQ2AgQgEEF/aiIQDQALIAAgD0EEdDYCVEEAIQxBASEPA0AgBiAPQQF0Ig9qIRACQAJAIAAoAgAiA0GAgIAISQ0AIAAoAgQhDQwBCyAAIANBCHQiAzYCACAAIAAoAhAiBEEBajYCECAAIAAoAgRBCHQgBCAAKAIMai0AAHIiDTYCBAsCQAJAIA0gA0ELdiAQLwEAIhFsIgRJDQAgACANIARrNgIEIAAgACgCVEEBIAx0ajYCVCADIARrIQQgD0EBciEPIBEgEUEFdmshAwwBCyARQYAQIBFrQQV2aiEDCyAAIAQ2AgAgECADOwEAIAxBAWoiDEEERw0ACwsCQCABIAggACgCVBCegICAAA0AQQAPCyAAKAIgIQILIAIgACgCKEkNAAsLQQEhAwJAIAAoAgAiBEH///8HSw0AIAAgBEEIdDYCAEEBIQMgACAAKAIQIgRBAWo2AhAgACAAKAIEQQh0IAQgACgCDGotAAByNgIECyADC3ABAX8CQEGo3gEQgICAgAAiAkUNACACQTRqIAE2AgAgAkE8aiAANgIAAkACQAJAIABBf2oOAgABAgsgAiABEICAgIAAIgA2AhggAA0BIAIQgoCAgAAMAgsgAkEANgIYIAJBOGpBADYCAAsgAg8LQQAL0gEBAn9BBiECAkAgAUEnSw0AIABBMGogAUEBcUECciABQQF2QQtqdCIBNgIAAkACQCAAQTxqKAIAIgNFDQBBBCECIAEgAEE0aigCAEsNAiAAQSxqIAE2AgAgA0ECRw0AIABBOGoiAygCACABTw0AIAAgATYCOCAAKAIYEIKAgIAAIAAgACgCMBCAgICAACIBNgIYIAENAEEDIQIMAQtBACECIABBADYCQCAAQdAAakEBOgAAIABB6ABqQQA2AgAgAEHk3QFqIQMLIANBADYCAAsgAgsjAAJAIABBPGooAgBFDQAgACgCGBCCgICAAAsgABCCgICAAAvHAQEDf0EAIQMCQCAAKAIMIAJNDQAgACgCGCACTQ0AIAEgASgCACIDIAAoAhAgACgCCCIEayIFIAMgBSADSRsiBWs2AgAgBCACQX9zaiEDAkAgBCACSw0AIAAoAhQgA2ohAwsDQCAAKAIAIgIgA2otAAAhASAAIAAoAggiBEEBajYCCCACIARqIAE6AABBACADQQFqIgMgAyAAKAIURhshAyAFQX9qIgUNAAtBASEDIAAoAgwgACgCCCIFTw0AIAAgBTYCDAsgAwvoBAEGfwJAAkAgACgCACIDQYCAgAhJDQAgACgCBCEEDAELIAAgA0EIdCIDNgIAIAAgACgCECIFQQFqNgIQIAAgACgCBEEIdCAFIAAoAgxqLQAAciIENgIECwJAAkAgBCADQQt2IAEvAQAiBWwiBk8NACAAIAY2AgAgASAFQYAQIAVrQQV2ajsBACABIAJBBHRqQQRqIQdBCCEIQQIhAQwBCyAAIAMgBmsiAzYCACAAIAQgBmsiBDYCBCABIAUgBUEFdms7AQACQCADQf///wdLDQAgACADQQh0IgM2AgAgACAAKAIQIgVBAWo2AhAgACAEQQh0IAUgACgCDGotAAByIgQ2AgQLAkAgBCADQQt2IAEvAQIiBWwiBk8NACAAIAY2AgAgASAFQYAQIAVrQQV2ajsBAiABIAJBBHRqQYQCaiEHQQghCEEKIQEMAQsgACADIAZrNgIAIAAgBCAGazYCBCABIAUgBUEFdms7AQIgAUGEBGohB0GAAiEIQRIhAQsgAEHoAGogATYCAEEBIQEDQCAHIAFBAXQiAWohBAJAAkAgACgCACIDQYCAgAhJDQAgACgCBCECDAELIAAgA0EIdCIDNgIAIAAgACgCECIFQQFqNgIQIAAgACgCBEEIdCAFIAAoAgxqLQAAciICNgIECwJAAkAgAiADQQt2IAQvAQAiBmwiBUkNACAAIAIgBWs2AgQgAyAFayEFIAFBAXIhASAGIAZBBXZrIQMMAQsgBkGAECAGa0EFdmohAwsgACAFNgIAIAQgAzsBACABIAhJDQALIABB6ABqIgAgASAIayAAKAIAajYCAAsLNQEAQYAICy4IAAAAEAAAABgAAAAgAAAAKAAAADAAAABAAAAAUAAAAIAAAAAAAQAA/Td6WFoA";
            }),
            /* 2 */
            /***/
            ((module2) => {
              module2.exports = __WEBPACK_EXTERNAL_MODULE__2__;
            })
            /******/
          ];
          var __webpack_module_cache__ = {};
          function __webpack_require__(moduleId) {
            var cachedModule = __webpack_module_cache__[moduleId];
            if (cachedModule !== void 0) {
              return cachedModule.exports;
            }
            var module2 = __webpack_module_cache__[moduleId] = {
              /******/
              // no module.id needed
              /******/
              // no module.loaded needed
              /******/
              exports: {}
              /******/
            };
            __webpack_modules__[moduleId](module2, module2.exports, __webpack_require__);
            return module2.exports;
          }
          (() => {
            __webpack_require__.d = (exports2, definition) => {
              for (var key in definition) {
                if (__webpack_require__.o(definition, key) && !__webpack_require__.o(exports2, key)) {
                  Object.defineProperty(exports2, key, { enumerable: true, get: definition[key] });
                }
              }
            };
          })();
          (() => {
            __webpack_require__.o = (obj, prop) => Object.prototype.hasOwnProperty.call(obj, prop);
          })();
          (() => {
            __webpack_require__.r = (exports2) => {
              if (typeof Symbol !== "undefined" && Symbol.toStringTag) {
                Object.defineProperty(exports2, Symbol.toStringTag, { value: "Module" });
              }
              Object.defineProperty(exports2, "__esModule", { value: true });
            };
          })();
          var __webpack_exports__ = {};
          (() => {
            __webpack_require__.r(__webpack_exports__);
            __webpack_require__.d(__webpack_exports__, {
              /* harmony export */
              XzReadableStream: () => (
                /* binding */
                XzReadableStream
              )
              /* harmony export */
            });
            var _dist_native_xz_decompress_wasm__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1);
            const ReadableStream2 = globalThis.ReadableStream || __webpack_require__(2).ReadableStream;
            const XZ_OK = 0;
            const XZ_STREAM_END = 1;
            class XzContext {
              constructor(moduleInstance) {
                this.exports = moduleInstance.exports;
                this.memory = this.exports.memory;
                this.ptr = this.exports.create_context();
                this._refresh();
                this.bufSize = this.mem32[0];
                this.inStart = this.mem32[1] - this.ptr;
                this.inEnd = this.inStart + this.bufSize;
                this.outStart = this.mem32[4] - this.ptr;
              }
              supplyInput(sourceDataUint8Array) {
                this._refresh();
                const inBuffer = this.mem8.subarray(this.inStart, this.inEnd);
                inBuffer.set(sourceDataUint8Array, 0);
                this.exports.supply_input(this.ptr, sourceDataUint8Array.byteLength);
                this._refresh();
              }
              getNextOutput() {
                const result = this.exports.get_next_output(this.ptr);
                this._refresh();
                if (result !== XZ_OK && result !== XZ_STREAM_END) {
                  throw new Error(`get_next_output failed with error code ${result}`);
                }
                const outChunk = this.mem8.slice(this.outStart, this.outStart + /* outPos */
                this.mem32[5]);
                return { outChunk, finished: result === XZ_STREAM_END };
              }
              needsMoreInput() {
                return (
                  /* inPos */
                  this.mem32[2] === /* inSize */
                  this.mem32[3]
                );
              }
              outputBufferIsFull() {
                return (
                  /* outPos */
                  this.mem32[5] === this.bufSize
                );
              }
              resetOutputBuffer() {
                this.outPos = this.mem32[5] = 0;
              }
              dispose() {
                this.exports.destroy_context(this.ptr);
                this.exports = null;
              }
              _refresh() {
                if (this.memory.buffer !== this.mem8?.buffer) {
                  this.mem8 = new Uint8Array(this.memory.buffer, this.ptr);
                  this.mem32 = new Uint32Array(this.memory.buffer, this.ptr);
                }
              }
            }
            class ContextMutex {
              constructor() {
                this.locked = false;
                this.waitQueue = [];
              }
              async acquire() {
                if (!this.locked) {
                  this.locked = true;
                  return;
                }
                return new Promise((resolve4) => {
                  this.waitQueue.push(resolve4);
                });
              }
              release() {
                if (this.waitQueue.length > 0) {
                  const next = this.waitQueue.shift();
                  next();
                } else {
                  this.locked = false;
                }
              }
            }
            class XzReadableStream extends ReadableStream2 {
              static _moduleInstancePromise;
              static _moduleInstance;
              static _contextMutex = new ContextMutex();
              static async _getModuleInstance() {
                const base64Wasm = _dist_native_xz_decompress_wasm__WEBPACK_IMPORTED_MODULE_0__.replace("data:application/wasm;base64,", "");
                const wasmBytes = Uint8Array.from(atob(base64Wasm), (c) => c.charCodeAt(0)).buffer;
                const wasmOptions = {};
                const module2 = await WebAssembly.instantiate(wasmBytes, wasmOptions);
                XzReadableStream._moduleInstance = module2.instance;
              }
              constructor(compressedStream) {
                let xzContext;
                let unconsumedInput = null;
                const compressedReader = compressedStream.getReader();
                super({
                  async start(controller) {
                    await XzReadableStream._contextMutex.acquire();
                    try {
                      if (!XzReadableStream._moduleInstance) {
                        await (XzReadableStream._moduleInstancePromise || (XzReadableStream._moduleInstancePromise = XzReadableStream._getModuleInstance()));
                      }
                      xzContext = new XzContext(XzReadableStream._moduleInstance);
                    } catch (error) {
                      XzReadableStream._contextMutex.release();
                      throw error;
                    }
                  },
                  async pull(controller) {
                    try {
                      if (xzContext.needsMoreInput()) {
                        if (unconsumedInput === null || unconsumedInput.byteLength === 0) {
                          const { done, value } = await compressedReader.read();
                          if (!done) {
                            unconsumedInput = value;
                          }
                        }
                        const nextInputLength = Math.min(xzContext.bufSize, unconsumedInput.byteLength);
                        xzContext.supplyInput(unconsumedInput.subarray(0, nextInputLength));
                        unconsumedInput = unconsumedInput.subarray(nextInputLength);
                      }
                      const nextOutputResult = xzContext.getNextOutput();
                      controller.enqueue(nextOutputResult.outChunk);
                      xzContext.resetOutputBuffer();
                      if (nextOutputResult.finished) {
                        xzContext.dispose();
                        XzReadableStream._contextMutex.release();
                        controller.close();
                      }
                    } catch (error) {
                      if (xzContext) {
                        xzContext.dispose();
                      }
                      XzReadableStream._contextMutex.release();
                      throw error;
                    }
                  },
                  cancel() {
                    try {
                      if (xzContext) {
                        xzContext.dispose();
                      }
                      return compressedReader.cancel();
                    } finally {
                      XzReadableStream._contextMutex.release();
                    }
                  }
                });
              }
            }
          })();
          return __webpack_exports__;
        })()
      );
    });
  }
});

// builtin:node:url
var require_node_url = __commonJS({
  "builtin:node:url"(exports, module) {
    module.exports = process.getBuiltinModule("node:url");
  }
});

// builtin:node:os
var require_node_os = __commonJS({
  "builtin:node:os"(exports, module) {
    module.exports = process.getBuiltinModule("node:os");
  }
});

// builtin:node:worker_threads
var require_node_worker_threads = __commonJS({
  "builtin:node:worker_threads"(exports, module) {
    module.exports = process.getBuiltinModule("node:worker_threads");
  }
});

// builtin:node:buffer
var require_node_buffer = __commonJS({
  "builtin:node:buffer"(exports, module) {
    module.exports = process.getBuiltinModule("node:buffer");
  }
});

// src/report/escape.ts
function oneLine(s) {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
}
function defuse(s) {
  return s.replace(/@/g, `@${ZWSP}`).replace(/#/g, `#${ZWSP}`).replace(/\b(GH)-(?=\d)/gi, `$1${ZWSP}-`).replace(/:\/\//g, `:${ZWSP}//`).replace(/\b(www)\./gi, `$1${ZWSP}.`).replace(/\b[0-9a-f]{7,}\b/gi, (hex3) => hex3.match(/.{1,4}/g).join(ZWSP));
}
function escapeText(s) {
  const safe = defuse(oneLine(s)).replace(MD_PUNCT, (c) => `\\${c}`);
  return safe.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function escapeHtml(s) {
  return defuse(oneLine(s)).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function htmlCode(s) {
  if (s === "") return "<em>(empty)</em>";
  return `<code>${oneLine(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</code>`;
}
function codeSpan(s) {
  const text = oneLine(s);
  if (text.trim() === "") return "*(empty)*";
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || text.startsWith(" ") && text.endsWith(" ") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
function tableCode(s) {
  const text = oneLine(s);
  if (text.trim() === "") return "*(empty)*";
  return `<code>${text.replace(MD_PUNCT, (c) => `\\${c}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</code>`;
}
function markerValue(s) {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
var ZWSP, MD_PUNCT;
var init_escape = __esm({
  "src/report/escape.ts"() {
    "use strict";
    ZWSP = "\u200B";
    MD_PUNCT = /[\\`*_{}[\]()#!|~^+\-.:=$"'/@]/g;
  }
});

// src/report/markdown.ts
var markdown_exports = {};
__export(markdown_exports, {
  COMMENT_LIMIT: () => COMMENT_LIMIT,
  SECTION_END: () => SECTION_END,
  STICKY_MARKER: () => STICKY_MARKER,
  SUMMARY_LIMIT: () => SUMMARY_LIMIT,
  overallStatus: () => overallStatus,
  renderMarkdown: () => renderMarkdown,
  renderReports: () => renderReports,
  renderSection: () => renderSection,
  renderVerdict: () => renderVerdict,
  sectionHeading: () => sectionHeading,
  sectionMeta: () => sectionMeta,
  sectionStart: () => sectionStart
});
function inlineMd(t, inTable = false) {
  const one = (i) => typeof i === "string" ? escapeText(i) : "code" in i ? inTable ? tableCode(i.code) : codeSpan(i.code) : i.strong.trim() ? `**${escapeText(i.strong)}**` : "";
  return Array.isArray(t) ? t.map(one).join("") : one(t);
}
function inlineHtml(t) {
  const one = (i) => typeof i === "string" ? escapeHtml(i) : "code" in i ? htmlCode(i.code) : `<strong>${escapeHtml(i.strong)}</strong>`;
  return Array.isArray(t) ? t.map(one).join("") : one(t);
}
function plural2(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function lines(items, budget, more) {
  let text = "";
  for (let i = 0; i < items.length; i++) {
    const line = items[i];
    const rest = items.length - i - 1;
    const reserve = rest > 0 ? more(rest).length : 0;
    if (text.length + line.length + reserve > budget) {
      const note = more(items.length - i);
      return { text: text.length + note.length <= budget ? text + note : text, truncated: true };
    }
    text += line;
  }
  return { text, truncated: false };
}
function details(summaryHtml, budget, inner2) {
  const open = `<details><summary>${summaryHtml}</summary>

`;
  const close = `
</details>

`;
  const room = budget - open.length - close.length;
  if (room < 40) return { text: "", truncated: true };
  const body = inner2(room);
  if (body.text === "") return { text: "", truncated: body.truncated };
  return { text: open + body.text + close, truncated: body.truncated };
}
function moreItems(n) {
  return `- *\u2026 and ${n} more (truncated)*
`;
}
function listMd(items, budget, folded) {
  const rendered = items.map((t) => `- ${inlineMd(t)}
`);
  const body = (b) => {
    const r = lines(rendered, b - 1, moreItems);
    return { text: r.text ? r.text + "\n" : "", truncated: r.truncated };
  };
  if (!folded && items.length > FOLD_AT) return details(`${items.length} entries`, budget, body);
  return body(budget);
}
function tableMd(b, budget, folded) {
  const cols = b.columns.length;
  const cell = (t) => t === void 0 ? "" : inlineMd(t, true);
  const head = `| ${b.columns.map((c) => escapeText(c)).join(" | ")} |
| ${b.columns.map((_, i) => b.align?.[i] === "right" ? "---:" : "---").join(" | ")} |
`;
  const rows = b.rows.map((r) => `| ${Array.from({ length: cols }, (_, i) => cell(r[i])).join(" | ")} |
`);
  const body = (room) => {
    if (head.length + 1 > room) return { text: "", truncated: true };
    const more = (n) => `| *\u2026 ${n} more rows (truncated)* |${" |".repeat(Math.max(0, cols - 1))}
`;
    const r = lines(rows, room - head.length - 1, more);
    return { text: head + r.text + "\n", truncated: r.truncated };
  };
  if (!folded && b.rows.length > FOLD_AT) return details(escapeHtml(`${b.rows.length} rows`), budget, body);
  return body(budget);
}
function codeMd(text, budget) {
  let longest = 2;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  const content = text.split("\n").map((l) => (/^\s*<!--/.test(l) ? l.replace("<!--", "<\u200B!--") : l) + "\n");
  const room = budget - 2 * (fence.length + 1) - 1;
  if (room < 1) return { text: "", truncated: true };
  const r = lines(content, room, (n) => `\u2026 ${n} more lines (truncated)
`);
  return { text: `${fence}
${r.text}${fence}

`, truncated: r.truncated };
}
function blockMd(b, budget, folded) {
  switch (b.kind) {
    case "paragraph": {
      const text = `${inlineMd(b.text)}

`;
      return text.length <= budget ? { text, truncated: false } : { text: "", truncated: true };
    }
    case "list":
      return listMd(b.items, budget, folded);
    case "table":
      return tableMd(b, budget, folded);
    case "code":
      return codeMd(b.text, budget);
    case "details":
      return details(inlineHtml(b.summary), budget, (room) => blocksMd(b.blocks, room, true));
  }
}
function blocksMd(blocks, budget, folded = false) {
  let text = "";
  for (const b of blocks) {
    const r = blockMd(b, budget - text.length, folded);
    text += r.text;
    if (r.truncated) return { text, truncated: true };
  }
  return { text, truncated: false };
}
function findingMd(f) {
  const where = [];
  if (f.file) where.push(codeSpan(f.line ? `${f.file}:${f.line}` : f.file));
  if (f.module && !f.message.includes(f.module)) where.push(`module ${codeSpan(f.module)}`);
  return `- ${SEVERITY_ICON[f.severity]} ${escapeText(f.message)}${where.length ? ` (${where.join(", ")})` : ""}
`;
}
function findingsMd(findings, budget) {
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const all = sorted.map(findingMd);
  const shown = all.slice(0, FINDINGS_SHOWN);
  const first = lines(shown, budget - 1, moreItems);
  let text = first.text ? first.text + "\n" : "";
  if (first.truncated) return { text, truncated: true };
  const rest = all.slice(FINDINGS_SHOWN);
  if (rest.length === 0) return { text, truncated: false };
  const folded = details(escapeHtml(`${rest.length} more findings`), budget - text.length, (room) => {
    const r = lines(rest, room - 1, moreItems);
    return { text: r.text ? r.text + "\n" : "", truncated: r.truncated };
  });
  text += folded.text;
  return { text, truncated: folded.truncated };
}
function counts(errors, warnings, notices) {
  const parts = [
    errors && plural2(errors, "error"),
    warnings && plural2(warnings, "warning"),
    notices && plural2(notices, "notice")
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "no findings";
}
function checkCounts(c) {
  const n = (s) => c.findings.filter((f) => f.severity === s).length;
  return counts(n("error"), n("warning"), n("notice"));
}
function truncationNote(ctx) {
  return `*\u2026 truncated to fit: the full report is in ${ctx.fullReportAt}.*

`;
}
function checkMd(c, budget, ctx) {
  const head = `#### ${STATUS_ICON[c.status]} ${escapeText(c.title)}: ${checkCounts(c)}

`;
  const summary = c.summary.trim() ? `${escapeText(c.summary)}

` : "";
  const note = truncationNote(ctx);
  if (head.length > budget) return "";
  if (head.length + summary.length + note.length > budget)
    return head.length + note.length <= budget ? head + note : head;
  const room = budget - head.length - summary.length - note.length;
  const f = findingsMd(c.findings, room);
  let text = head + summary + f.text;
  if (!f.truncated) {
    const b = blocksMd(c.blocks, room - f.text.length);
    text += b.text;
    if (!b.truncated) return text;
  }
  return text + note;
}
function share(parts, budget) {
  const full = parts.map((p) => p(Number.MAX_SAFE_INTEGER));
  const total = full.reduce((n, s) => n + s.length, 0);
  if (total <= budget) return full;
  const out = full.map(() => null);
  let left = budget;
  let open = parts.length;
  for (; ; ) {
    const fair2 = Math.floor(left / Math.max(1, open));
    let settled = false;
    full.forEach((s, i) => {
      if (out[i] === null && s.length <= fair2) {
        out[i] = s;
        left -= s.length;
        open--;
        settled = true;
      }
    });
    if (!settled || open === 0) break;
  }
  const fair = Math.floor(left / Math.max(1, open));
  return out.map((s, i) => s ?? parts[i](fair));
}
function sectionMeta(r) {
  return { key: r.configKey, ...r.verdict };
}
function sectionStart(m) {
  return `<!-- kbuild-review:section key=${markerValue(m.key)} status=${m.status} errors=${m.errors} warnings=${m.warnings} notices=${m.notices} -->`;
}
function buildLine(r) {
  const b = r.build;
  const what = [b.release && `Linux ${b.release}`, b.arch].filter(Boolean).join(" ");
  return what ? escapeText(what) : "unknown kernel";
}
function sectionHeading(r) {
  const v = r.verdict;
  return `### ${STATUS_ICON[v.status]} ${codeSpan(r.configKey)} \xB7 ${buildLine(r)}: ${counts(v.errors, v.warnings, v.notices)}`;
}
function renderSection(r, budget, ctx) {
  const start = `${sectionStart(sectionMeta(r))}
${sectionHeading(r)}

`;
  const baseline = r.baseline ? `Compared with ${escapeText(r.baseline.label)}${r.baseline.release ? ` (Linux ${escapeText(r.baseline.release)})` : ""}.

` : "No baseline: checks that compare with the base build were skipped.\n\n";
  const end = `${SECTION_END}
`;
  const loud = r.checks.filter((c) => c.status === "fail" || c.status === "warn" || c.findings.length > 0);
  const quiet = r.checks.filter((c) => !loud.includes(c));
  const passed = quiet.filter((c) => c.status === "pass");
  const skipped3 = quiet.filter((c) => c.status === "skip");
  let tail = "";
  if (passed.length) tail += `\u2705 Passed: ${passed.map((c) => escapeText(c.title)).join(", ")}.

`;
  if (skipped3.length) {
    const items = skipped3.map((c) => `- ${escapeText(c.title)}: ${escapeText(c.summary)}
`);
    tail += `<details><summary>${plural2(skipped3.length, "check")} skipped</summary>

${items.join("")}
</details>

`;
  }
  let fixed = start + baseline + end;
  if (fixed.length + tail.length > budget) tail = "";
  if (fixed.length > budget) fixed = `${start}${end}`;
  const room = budget - fixed.length - tail.length;
  const parts = share(
    loud.map((c) => (b) => checkMd(c, b, ctx)),
    room
  );
  return start + baseline + parts.join("") + tail + end;
}
function renderVerdict(metas) {
  const sum = (k) => metas.reduce((n, m) => n + m[k], 0);
  const status = metas.some((m) => m.status === "fail") ? "fail" : metas.some((m) => m.status === "warn") ? "warn" : "pass";
  const configs = metas.length > 1 ? ` in ${metas.length} configs` : "";
  const word = status === "fail" ? "problems found" : status === "warn" ? "warnings" : "all clear";
  return `## ${STATUS_ICON[status]} kbuild-review: ${word}, ${counts(sum("errors"), sum("warnings"), sum("notices"))}${configs}

`;
}
function overallStatus(metas) {
  return metas.some((m) => m.status === "fail") ? "fail" : metas.some((m) => m.status === "warn") ? "warn" : "pass";
}
function renderReports(reports, limit, ctx, prefix = "") {
  const sorted = [...reports].sort((a, b) => a.configKey.localeCompare(b.configKey));
  const head = prefix + renderVerdict(sorted.map(sectionMeta));
  const parts = share(
    sorted.map((r) => (b) => renderSection(r, b, ctx)),
    limit - head.length
  );
  let doc = head;
  let dropped = 0;
  const note = (n) => `*${plural2(n, "more config")} did not fit: the full reports are in ${ctx.fullReportAt}.*
`;
  parts.forEach((p, i) => {
    const rest = parts.length - i - 1;
    if (dropped === 0 && doc.length + p.length + (rest ? note(rest).length : 0) <= limit) doc += p;
    else dropped++;
  });
  return dropped ? doc + note(dropped) : doc;
}
function renderMarkdown(report) {
  return renderReports([report], Number.MAX_SAFE_INTEGER, { fullReportAt: "the JSON report" });
}
var COMMENT_LIMIT, SUMMARY_LIMIT, FOLD_AT, FINDINGS_SHOWN, STICKY_MARKER, SECTION_END, STATUS_ICON, SEVERITY_ICON, SEVERITY_ORDER;
var init_markdown = __esm({
  "src/report/markdown.ts"() {
    "use strict";
    init_escape();
    COMMENT_LIMIT = 65536;
    SUMMARY_LIMIT = 34e4;
    FOLD_AT = 10;
    FINDINGS_SHOWN = 10;
    STICKY_MARKER = "<!-- kbuild-review:sticky -->";
    SECTION_END = "<!-- kbuild-review:end -->";
    STATUS_ICON = { fail: "\u274C", warn: "\u26A0\uFE0F", pass: "\u2705", skip: "\u23ED\uFE0F" };
    SEVERITY_ICON = { error: "\u274C", warning: "\u26A0\uFE0F", notice: "\u2139\uFE0F" };
    SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
  }
});

// node_modules/commander/lib/error.js
var CommanderError = class extends Error {
  /**
   * Constructs the CommanderError class
   * @param {number} exitCode suggested exit code which could be used with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   */
  constructor(exitCode, code, message) {
    super(message);
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
    this.code = code;
    this.exitCode = exitCode;
    this.nestedError = void 0;
  }
};
var InvalidArgumentError = class extends CommanderError {
  /**
   * Constructs the InvalidArgumentError class
   * @param {string} [message] explanation of why argument is invalid
   */
  constructor(message) {
    super(1, "commander.invalidArgument", message);
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
  }
};

// node_modules/commander/lib/argument.js
var Argument = class {
  /**
   * Initialize a new command argument with the given name and description.
   * The default is that the argument is required, and you can explicitly
   * indicate this with <> around the name. Put [] around the name for an optional argument.
   *
   * @param {string} name
   * @param {string} [description]
   */
  constructor(name, description) {
    this.description = description || "";
    this.variadic = false;
    this.parseArg = void 0;
    this.defaultValue = void 0;
    this.defaultValueDescription = void 0;
    this.argChoices = void 0;
    switch (name[0]) {
      case "<":
        this.required = true;
        this._name = name.slice(1, -1);
        break;
      case "[":
        this.required = false;
        this._name = name.slice(1, -1);
        break;
      default:
        this.required = true;
        this._name = name;
        break;
    }
    if (this._name.endsWith("...")) {
      this.variadic = true;
      this._name = this._name.slice(0, -3);
    }
  }
  /**
   * Return argument name.
   *
   * @return {string}
   */
  name() {
    return this._name;
  }
  /**
   * @package
   */
  _collectValue(value, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value];
    }
    previous.push(value);
    return previous;
  }
  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Argument}
   */
  default(value, description) {
    this.defaultValue = value;
    this.defaultValueDescription = description;
    return this;
  }
  /**
   * Set the custom handler for processing CLI command arguments into argument values.
   *
   * @param {Function} [fn]
   * @return {Argument}
   */
  argParser(fn) {
    this.parseArg = fn;
    return this;
  }
  /**
   * Only allow argument value to be one of choices.
   *
   * @param {string[]} values
   * @return {Argument}
   */
  choices(values) {
    this.argChoices = values.slice();
    this.parseArg = (arg, previous) => {
      if (!this.argChoices.includes(arg)) {
        throw new InvalidArgumentError(
          `Allowed choices are ${this.argChoices.join(", ")}.`
        );
      }
      if (this.variadic) {
        return this._collectValue(arg, previous);
      }
      return arg;
    };
    return this;
  }
  /**
   * Make argument required.
   *
   * @returns {Argument}
   */
  argRequired() {
    this.required = true;
    return this;
  }
  /**
   * Make argument optional.
   *
   * @returns {Argument}
   */
  argOptional() {
    this.required = false;
    return this;
  }
};
function humanReadableArgName(arg) {
  const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
  return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
}

// node_modules/commander/lib/command.js
var import_node_events = __toESM(require_node_events(), 1);
var import_node_child_process = __toESM(require_node_child_process(), 1);
var import_node_path = __toESM(require_node_path(), 1);
var import_node_fs = __toESM(require_node_fs(), 1);
var import_node_process = __toESM(require_node_process(), 1);
var import_node_util2 = __toESM(require_node_util(), 1);

// node_modules/commander/lib/help.js
var import_node_util = __toESM(require_node_util(), 1);
var Help = class {
  constructor() {
    this.helpWidth = void 0;
    this.minWidthToWrap = 40;
    this.sortSubcommands = false;
    this.sortOptions = false;
    this.showGlobalOptions = false;
  }
  /**
   * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
   * and just before calling `formatHelp()`.
   *
   * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
   *
   * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
   */
  prepareContext(contextOptions) {
    this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
  }
  /**
   * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
   *
   * @param {Command} cmd
   * @returns {Command[]}
   */
  visibleCommands(cmd) {
    const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
    const helpCommand = cmd._getHelpCommand();
    if (helpCommand && !helpCommand._hidden) {
      visibleCommands.push(helpCommand);
    }
    if (this.sortSubcommands) {
      visibleCommands.sort((a, b) => {
        return a.name().localeCompare(b.name());
      });
    }
    return visibleCommands;
  }
  /**
   * Compare options for sort.
   *
   * @param {Option} a
   * @param {Option} b
   * @returns {number}
   */
  compareOptions(a, b) {
    const getSortKey = (option) => {
      return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
    };
    return getSortKey(a).localeCompare(getSortKey(b));
  }
  /**
   * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
   *
   * @param {Command} cmd
   * @returns {Option[]}
   */
  visibleOptions(cmd) {
    const visibleOptions = cmd.options.filter((option) => !option.hidden);
    const helpOption = cmd._getHelpOption();
    if (helpOption && !helpOption.hidden) {
      const removeShort = helpOption.short && cmd._findOption(helpOption.short);
      const removeLong = helpOption.long && cmd._findOption(helpOption.long);
      if (!removeShort && !removeLong) {
        visibleOptions.push(helpOption);
      } else if (helpOption.long && !removeLong) {
        visibleOptions.push(
          cmd.createOption(helpOption.long, helpOption.description).helpGroup(helpOption.helpGroupHeading)
        );
      } else if (helpOption.short && !removeShort) {
        visibleOptions.push(
          cmd.createOption(helpOption.short, helpOption.description).helpGroup(helpOption.helpGroupHeading)
        );
      }
    }
    if (this.sortOptions) {
      visibleOptions.sort(this.compareOptions);
    }
    return visibleOptions;
  }
  /**
   * Get an array of the visible global options. (Not including help.)
   *
   * @param {Command} cmd
   * @returns {Option[]}
   */
  visibleGlobalOptions(cmd) {
    if (!this.showGlobalOptions) return [];
    const globalOptions = [];
    for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
      const visibleOptions = ancestorCmd.options.filter(
        (option) => !option.hidden
      );
      globalOptions.push(...visibleOptions);
    }
    if (this.sortOptions) {
      globalOptions.sort(this.compareOptions);
    }
    return globalOptions;
  }
  /**
   * Get an array of the arguments if any have a description.
   *
   * @param {Command} cmd
   * @returns {Argument[]}
   */
  visibleArguments(cmd) {
    if (cmd._argsDescription) {
      cmd.registeredArguments.forEach((argument) => {
        argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
      });
    }
    if (cmd.registeredArguments.find((argument) => argument.description)) {
      return cmd.registeredArguments;
    }
    return [];
  }
  /**
   * Get the command term to show in the list of subcommands.
   *
   * @param {Command} cmd
   * @returns {string}
   */
  subcommandTerm(cmd) {
    const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
    return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
    (args ? " " + args : "");
  }
  /**
   * Get the option term to show in the list of options.
   *
   * @param {Option} option
   * @returns {string}
   */
  optionTerm(option) {
    return option.flags;
  }
  /**
   * Get the argument term to show in the list of arguments.
   *
   * @param {Argument} argument
   * @returns {string}
   */
  argumentTerm(argument) {
    return argument.name();
  }
  /**
   * Get the longest command term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  longestSubcommandTermLength(cmd, helper) {
    return helper.visibleCommands(cmd).reduce((max, command) => {
      return Math.max(
        max,
        this.displayWidth(
          helper.styleSubcommandTerm(helper.subcommandTerm(command))
        )
      );
    }, 0);
  }
  /**
   * Get the longest option term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  longestOptionTermLength(cmd, helper) {
    return helper.visibleOptions(cmd).reduce((max, option) => {
      return Math.max(
        max,
        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
      );
    }, 0);
  }
  /**
   * Get the longest global option term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  longestGlobalOptionTermLength(cmd, helper) {
    return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
      return Math.max(
        max,
        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
      );
    }, 0);
  }
  /**
   * Get the longest argument term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  longestArgumentTermLength(cmd, helper) {
    return helper.visibleArguments(cmd).reduce((max, argument) => {
      return Math.max(
        max,
        this.displayWidth(
          helper.styleArgumentTerm(helper.argumentTerm(argument))
        )
      );
    }, 0);
  }
  /**
   * Get the command usage to be displayed at the top of the built-in help.
   *
   * @param {Command} cmd
   * @returns {string}
   */
  commandUsage(cmd) {
    let cmdName = cmd._name;
    if (cmd._aliases[0]) {
      cmdName = cmdName + "|" + cmd._aliases[0];
    }
    let ancestorCmdNames = "";
    for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
      ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
    }
    return ancestorCmdNames + cmdName + " " + cmd.usage();
  }
  /**
   * Get the description for the command.
   *
   * @param {Command} cmd
   * @returns {string}
   */
  commandDescription(cmd) {
    return cmd.description();
  }
  /**
   * Get the subcommand summary to show in the list of subcommands.
   * (Fallback to description for backwards compatibility.)
   *
   * @param {Command} cmd
   * @returns {string}
   */
  subcommandDescription(cmd) {
    return cmd.summary() || cmd.description();
  }
  /**
   * Get the option description to show in the list of options.
   *
   * @param {Option} option
   * @return {string}
   */
  optionDescription(option) {
    const extraInfo = [];
    if (option.argChoices) {
      extraInfo.push(
        // use stringify to match the display of the default value
        `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
      );
    }
    if (option.defaultValue !== void 0) {
      const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
      if (showDefault) {
        extraInfo.push(
          `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
        );
      }
    }
    if (option.presetArg !== void 0 && option.optional) {
      extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
    }
    if (option.envVar !== void 0) {
      extraInfo.push(`env: ${option.envVar}`);
    }
    if (extraInfo.length > 0) {
      const extraDescription = `(${extraInfo.join(", ")})`;
      if (option.description) {
        return `${option.description} ${extraDescription}`;
      }
      return extraDescription;
    }
    return option.description;
  }
  /**
   * Get the argument description to show in the list of arguments.
   *
   * @param {Argument} argument
   * @return {string}
   */
  argumentDescription(argument) {
    const extraInfo = [];
    if (argument.argChoices) {
      extraInfo.push(
        // use stringify to match the display of the default value
        `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
      );
    }
    if (argument.defaultValue !== void 0) {
      extraInfo.push(
        `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
      );
    }
    if (extraInfo.length > 0) {
      const extraDescription = `(${extraInfo.join(", ")})`;
      if (argument.description) {
        return `${argument.description} ${extraDescription}`;
      }
      return extraDescription;
    }
    return argument.description;
  }
  /**
   * Format a list of items, given a heading and an array of formatted items.
   *
   * @param {string} heading
   * @param {string[]} items
   * @param {Help} helper
   * @returns string[]
   */
  formatItemList(heading, items, helper) {
    if (items.length === 0) return [];
    return [helper.styleTitle(heading), ...items, ""];
  }
  /**
   * Group items by their help group heading.
   *
   * @param {Command[] | Option[]} unsortedItems
   * @param {Command[] | Option[]} visibleItems
   * @param {Function} getGroup
   * @returns {Map<string, Command[] | Option[]>}
   */
  groupItems(unsortedItems, visibleItems, getGroup) {
    const result = /* @__PURE__ */ new Map();
    unsortedItems.forEach((item) => {
      const group = getGroup(item);
      if (!result.has(group)) result.set(group, []);
    });
    visibleItems.forEach((item) => {
      const group = getGroup(item);
      if (!result.has(group)) {
        result.set(group, []);
      }
      result.get(group).push(item);
    });
    return result;
  }
  /**
   * Generate the built-in help text.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {string}
   */
  formatHelp(cmd, helper) {
    const termWidth = helper.padWidth(cmd, helper);
    const helpWidth = helper.helpWidth ?? 80;
    function callFormatItem(term, description) {
      return helper.formatItem(term, termWidth, description, helper);
    }
    let output = [
      `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
      ""
    ];
    const commandDescription = helper.commandDescription(cmd);
    if (commandDescription.length > 0) {
      output = output.concat([
        helper.boxWrap(
          helper.styleCommandDescription(commandDescription),
          helpWidth
        ),
        ""
      ]);
    }
    const argumentList = helper.visibleArguments(cmd).map((argument) => {
      return callFormatItem(
        helper.styleArgumentTerm(helper.argumentTerm(argument)),
        helper.styleArgumentDescription(helper.argumentDescription(argument))
      );
    });
    output = output.concat(
      this.formatItemList("Arguments:", argumentList, helper)
    );
    const optionGroups = this.groupItems(
      cmd.options,
      helper.visibleOptions(cmd),
      (option) => option.helpGroupHeading ?? "Options:"
    );
    optionGroups.forEach((options, group) => {
      const optionList = options.map((option) => {
        return callFormatItem(
          helper.styleOptionTerm(helper.optionTerm(option)),
          helper.styleOptionDescription(helper.optionDescription(option))
        );
      });
      output = output.concat(this.formatItemList(group, optionList, helper));
    });
    if (helper.showGlobalOptions) {
      const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
        return callFormatItem(
          helper.styleOptionTerm(helper.optionTerm(option)),
          helper.styleOptionDescription(helper.optionDescription(option))
        );
      });
      output = output.concat(
        this.formatItemList("Global Options:", globalOptionList, helper)
      );
    }
    const commandGroups = this.groupItems(
      cmd.commands,
      helper.visibleCommands(cmd),
      (sub) => sub.helpGroup() || "Commands:"
    );
    commandGroups.forEach((commands, group) => {
      const commandList = commands.map((sub) => {
        return callFormatItem(
          helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
          helper.styleSubcommandDescription(helper.subcommandDescription(sub))
        );
      });
      output = output.concat(this.formatItemList(group, commandList, helper));
    });
    return output.join("\n");
  }
  /**
   * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
   *
   * @param {string} str
   * @returns {number}
   */
  displayWidth(str) {
    return (0, import_node_util.stripVTControlCharacters)(str).length;
  }
  /**
   * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
   *
   * @param {string} str
   * @returns {string}
   */
  styleTitle(str) {
    return str;
  }
  styleUsage(str) {
    return str.split(" ").map((word) => {
      if (word === "[options]") return this.styleOptionText(word);
      if (word === "[command]") return this.styleSubcommandText(word);
      if (word[0] === "[" || word[0] === "<")
        return this.styleArgumentText(word);
      return this.styleCommandText(word);
    }).join(" ");
  }
  styleCommandDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleOptionDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleSubcommandDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleArgumentDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleDescriptionText(str) {
    return str;
  }
  styleOptionTerm(str) {
    return this.styleOptionText(str);
  }
  styleSubcommandTerm(str) {
    return str.split(" ").map((word) => {
      if (word === "[options]") return this.styleOptionText(word);
      if (word[0] === "[" || word[0] === "<")
        return this.styleArgumentText(word);
      return this.styleSubcommandText(word);
    }).join(" ");
  }
  styleArgumentTerm(str) {
    return this.styleArgumentText(str);
  }
  styleOptionText(str) {
    return str;
  }
  styleArgumentText(str) {
    return str;
  }
  styleSubcommandText(str) {
    return str;
  }
  styleCommandText(str) {
    return str;
  }
  /**
   * Calculate the pad width from the maximum term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  padWidth(cmd, helper) {
    return Math.max(
      helper.longestOptionTermLength(cmd, helper),
      helper.longestGlobalOptionTermLength(cmd, helper),
      helper.longestSubcommandTermLength(cmd, helper),
      helper.longestArgumentTermLength(cmd, helper)
    );
  }
  /**
   * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
   *
   * @param {string} str
   * @returns {boolean}
   */
  preformatted(str) {
    return /\n[^\S\r\n]/.test(str);
  }
  /**
   * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
   *
   * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
   *   TTT  DDD DDDD
   *        DD DDD
   *
   * @param {string} term
   * @param {number} termWidth
   * @param {string} description
   * @param {Help} helper
   * @returns {string}
   */
  formatItem(term, termWidth, description, helper) {
    const itemIndent = 2;
    const itemIndentStr = " ".repeat(itemIndent);
    if (!description) return itemIndentStr + term;
    const paddedTerm = term.padEnd(
      termWidth + term.length - helper.displayWidth(term)
    );
    const spacerWidth = 2;
    const helpWidth = this.helpWidth ?? 80;
    const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
    let formattedDescription;
    if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
      formattedDescription = description;
    } else {
      const wrappedDescription = helper.boxWrap(description, remainingWidth);
      formattedDescription = wrappedDescription.replace(
        /\n/g,
        "\n" + " ".repeat(termWidth + spacerWidth)
      );
    }
    return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
  }
  /**
   * Wrap a string at whitespace, preserving existing line breaks.
   * Wrapping is skipped if the width is less than `minWidthToWrap`.
   *
   * @param {string} str
   * @param {number} width
   * @returns {string}
   */
  boxWrap(str, width) {
    if (width < this.minWidthToWrap) return str;
    const rawLines = str.split(/\r\n|\n/);
    const chunkPattern = /[\s]*[^\s]+/g;
    const wrappedLines = [];
    rawLines.forEach((line) => {
      const chunks = line.match(chunkPattern);
      if (chunks === null) {
        wrappedLines.push("");
        return;
      }
      let sumChunks = [chunks.shift()];
      let sumWidth = this.displayWidth(sumChunks[0]);
      chunks.forEach((chunk) => {
        const visibleWidth = this.displayWidth(chunk);
        if (sumWidth + visibleWidth <= width) {
          sumChunks.push(chunk);
          sumWidth += visibleWidth;
          return;
        }
        wrappedLines.push(sumChunks.join(""));
        const nextChunk = chunk.trimStart();
        sumChunks = [nextChunk];
        sumWidth = this.displayWidth(nextChunk);
      });
      wrappedLines.push(sumChunks.join(""));
    });
    return wrappedLines.join("\n");
  }
};

// node_modules/commander/lib/option.js
var Option = class {
  /**
   * Initialize a new `Option` with the given `flags` and `description`.
   *
   * @param {string} flags
   * @param {string} [description]
   */
  constructor(flags, description) {
    this.flags = flags;
    this.description = description || "";
    this.required = flags.includes("<");
    this.optional = flags.includes("[");
    this.variadic = new RegExp("\\p{ID_Continue}\\.\\.\\.[>\\]]$", "u").test(flags);
    this.mandatory = false;
    const optionFlags = splitOptionFlags(flags);
    this.short = optionFlags.shortFlag;
    this.long = optionFlags.longFlag;
    this.negate = false;
    if (this.long) {
      this.negate = this.long.startsWith("--no-");
    }
    this.defaultValue = void 0;
    this.defaultValueDescription = void 0;
    this.presetArg = void 0;
    this.envVar = void 0;
    this.parseArg = void 0;
    this.hidden = false;
    this.argChoices = void 0;
    this.conflictsWith = [];
    this.implied = void 0;
    this.helpGroupHeading = void 0;
  }
  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Option}
   */
  default(value, description) {
    this.defaultValue = value;
    this.defaultValueDescription = description;
    return this;
  }
  /**
   * Preset to use when option used without option-argument, especially optional but also boolean and negated.
   * The custom processing (parseArg) is called.
   *
   * @example
   * new Option('--color').default('GREYSCALE').preset('RGB');
   * new Option('--donate [amount]').preset('20').argParser(parseFloat);
   *
   * @param {*} arg
   * @return {Option}
   */
  preset(arg) {
    this.presetArg = arg;
    return this;
  }
  /**
   * Add option name(s) that conflict with this option.
   * An error will be displayed if conflicting options are found during parsing.
   *
   * @example
   * new Option('--rgb').conflicts('cmyk');
   * new Option('--js').conflicts(['ts', 'jsx']);
   *
   * @param {(string | string[])} names
   * @return {Option}
   */
  conflicts(names2) {
    this.conflictsWith = this.conflictsWith.concat(names2);
    return this;
  }
  /**
   * Specify implied option values for when this option is set and the implied options are not.
   *
   * The custom processing (parseArg) is not called on the implied values.
   *
   * @example
   * program
   *   .addOption(new Option('--log', 'write logging information to file'))
   *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
   *
   * @param {object} impliedOptionValues
   * @return {Option}
   */
  implies(impliedOptionValues) {
    let newImplied = impliedOptionValues;
    if (typeof impliedOptionValues === "string") {
      newImplied = { [impliedOptionValues]: true };
    }
    this.implied = Object.assign(this.implied || {}, newImplied);
    return this;
  }
  /**
   * Set environment variable to check for option value.
   *
   * An environment variable is only used if when processed the current option value is
   * undefined, or the source of the current value is 'default' or 'config' or 'env'.
   *
   * @param {string} name
   * @return {Option}
   */
  env(name) {
    this.envVar = name;
    return this;
  }
  /**
   * Set the custom handler for processing CLI option arguments into option values.
   *
   * @param {Function} [fn]
   * @return {Option}
   */
  argParser(fn) {
    this.parseArg = fn;
    return this;
  }
  /**
   * Whether the option is mandatory and must have a value after parsing.
   *
   * @param {boolean} [mandatory=true]
   * @return {Option}
   */
  makeOptionMandatory(mandatory = true) {
    this.mandatory = !!mandatory;
    return this;
  }
  /**
   * Hide option in help.
   *
   * @param {boolean} [hide=true]
   * @return {Option}
   */
  hideHelp(hide = true) {
    this.hidden = !!hide;
    return this;
  }
  /**
   * @package
   */
  _collectValue(value, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value];
    }
    previous.push(value);
    return previous;
  }
  /**
   * Only allow option value to be one of choices.
   *
   * @param {string[]} values
   * @return {Option}
   */
  choices(values) {
    this.argChoices = values.slice();
    this.parseArg = (arg, previous) => {
      if (!this.argChoices.includes(arg)) {
        throw new InvalidArgumentError(
          `Allowed choices are ${this.argChoices.join(", ")}.`
        );
      }
      if (this.variadic) {
        return this._collectValue(arg, previous);
      }
      return arg;
    };
    return this;
  }
  /**
   * Return option name.
   *
   * @return {string}
   */
  name() {
    if (this.long) {
      return this.long.replace(/^--/, "");
    }
    return this.short.replace(/^-/, "");
  }
  /**
   * Return option name, in a camelcase format that can be used
   * as an object attribute key.
   *
   * @return {string}
   */
  attributeName() {
    if (this.negate) {
      return camelcase(this.name().replace(/^no-/, ""));
    }
    return camelcase(this.name());
  }
  /**
   * Set the help group heading.
   *
   * @param {string} heading
   * @return {Option}
   */
  helpGroup(heading) {
    this.helpGroupHeading = heading;
    return this;
  }
  /**
   * Check if `arg` matches the short or long flag.
   *
   * @param {string} arg
   * @return {boolean}
   * @package
   */
  is(arg) {
    return this.short === arg || this.long === arg;
  }
  /**
   * Return whether a boolean option.
   *
   * Options are one of boolean, negated, required argument, or optional argument.
   *
   * @return {boolean}
   * @package
   */
  isBoolean() {
    return !this.required && !this.optional && !this.negate;
  }
};
var DualOptions = class {
  /**
   * @param {Option[]} options
   */
  constructor(options) {
    this.positiveOptions = /* @__PURE__ */ new Map();
    this.negativeOptions = /* @__PURE__ */ new Map();
    this.dualOptions = /* @__PURE__ */ new Set();
    options.forEach((option) => {
      if (option.negate) {
        this.negativeOptions.set(option.attributeName(), option);
      } else {
        this.positiveOptions.set(option.attributeName(), option);
      }
    });
    this.negativeOptions.forEach((value, key) => {
      if (this.positiveOptions.has(key)) {
        this.dualOptions.add(key);
      }
    });
  }
  /**
   * Did the value come from the option, and not from possible matching dual option?
   *
   * @param {*} value
   * @param {Option} option
   * @returns {boolean}
   */
  valueFromOption(value, option) {
    const optionKey = option.attributeName();
    if (!this.dualOptions.has(optionKey)) return true;
    const preset = this.negativeOptions.get(optionKey).presetArg;
    const negativeValue = preset !== void 0 ? preset : false;
    return option.negate === (negativeValue === value);
  }
};
function camelcase(str) {
  return str.split("-").reduce((str2, word) => {
    return str2 + word[0].toUpperCase() + word.slice(1);
  });
}
function splitOptionFlags(flags) {
  let shortFlag;
  let longFlag;
  const shortFlagExp = /^-[^-]$/;
  const longFlagExp = /^--[^-]/;
  const flagParts = flags.split(/[ |,]+/).concat("guard");
  if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
  if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
  if (!shortFlag && shortFlagExp.test(flagParts[0]))
    shortFlag = flagParts.shift();
  if (!shortFlag && longFlagExp.test(flagParts[0])) {
    shortFlag = longFlag;
    longFlag = flagParts.shift();
  }
  if (flagParts[0].startsWith("-")) {
    const unsupportedFlag = flagParts[0];
    const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
    if (/^-[^-][^-]/.test(unsupportedFlag))
      throw new Error(
        `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
      );
    if (shortFlagExp.test(unsupportedFlag))
      throw new Error(`${baseError}
- too many short flags`);
    if (longFlagExp.test(unsupportedFlag))
      throw new Error(`${baseError}
- too many long flags`);
    throw new Error(`${baseError}
- unrecognised flag format`);
  }
  if (shortFlag === void 0 && longFlag === void 0)
    throw new Error(
      `option creation failed due to no flags found in '${flags}'.`
    );
  return { shortFlag, longFlag };
}

// node_modules/commander/lib/suggestSimilar.js
var maxDistance = 3;
function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > maxDistance)
    return Math.max(a.length, b.length);
  const d = [];
  for (let i = 0; i <= a.length; i++) {
    d[i] = [i];
  }
  for (let j = 0; j <= b.length; j++) {
    d[0][j] = j;
  }
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      let cost;
      if (a[i - 1] === b[j - 1]) {
        cost = 0;
      } else {
        cost = 1;
      }
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        // deletion
        d[i][j - 1] + 1,
        // insertion
        d[i - 1][j - 1] + cost
        // substitution
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}
function suggestSimilar(word, candidates) {
  if (!candidates || candidates.length === 0) return "";
  candidates = Array.from(new Set(candidates));
  const searchingOptions = word.startsWith("--");
  if (searchingOptions) {
    word = word.slice(2);
    candidates = candidates.map((candidate) => candidate.slice(2));
  }
  let similar = [];
  let bestDistance = maxDistance;
  const minSimilarity = 0.4;
  candidates.forEach((candidate) => {
    if (candidate.length <= 1) return;
    const distance = editDistance(word, candidate);
    const length = Math.max(word.length, candidate.length);
    const similarity = (length - distance) / length;
    if (similarity > minSimilarity) {
      if (distance < bestDistance) {
        bestDistance = distance;
        similar = [candidate];
      } else if (distance === bestDistance) {
        similar.push(candidate);
      }
    }
  });
  similar.sort((a, b) => a.localeCompare(b));
  if (searchingOptions) {
    similar = similar.map((candidate) => `--${candidate}`);
  }
  if (similar.length > 1) {
    return `
(Did you mean one of ${similar.join(", ")}?)`;
  }
  if (similar.length === 1) {
    return `
(Did you mean ${similar[0]}?)`;
  }
  return "";
}

// node_modules/commander/lib/command.js
var Command = class _Command extends import_node_events.EventEmitter {
  /**
   * Initialize a new `Command`.
   *
   * @param {string} [name]
   */
  constructor(name) {
    super();
    this.commands = [];
    this.options = [];
    this.parent = null;
    this._allowUnknownOption = false;
    this._allowExcessArguments = false;
    this.registeredArguments = [];
    this._args = this.registeredArguments;
    this.args = [];
    this.rawArgs = [];
    this.processedArgs = [];
    this._scriptPath = null;
    this._name = name || "";
    this._optionValues = {};
    this._optionValueSources = {};
    this._storeOptionsAsProperties = false;
    this._actionHandler = null;
    this._executableHandler = false;
    this._executableFile = null;
    this._executableDir = null;
    this._defaultCommandName = null;
    this._exitCallback = null;
    this._aliases = [];
    this._combineFlagAndOptionalValue = true;
    this._description = "";
    this._summary = "";
    this._argsDescription = void 0;
    this._enablePositionalOptions = false;
    this._passThroughOptions = false;
    this._lifeCycleHooks = {};
    this._showHelpAfterError = false;
    this._showSuggestionAfterError = true;
    this._savedState = null;
    this._outputConfiguration = {
      writeOut: (str) => import_node_process.default.stdout.write(str),
      writeErr: (str) => import_node_process.default.stderr.write(str),
      outputError: (str, write) => write(str),
      getOutHelpWidth: () => import_node_process.default.stdout.isTTY ? import_node_process.default.stdout.columns : void 0,
      getErrHelpWidth: () => import_node_process.default.stderr.isTTY ? import_node_process.default.stderr.columns : void 0,
      getOutHasColors: () => useColor() ?? (import_node_process.default.stdout.isTTY && import_node_process.default.stdout.hasColors?.()),
      getErrHasColors: () => useColor() ?? (import_node_process.default.stderr.isTTY && import_node_process.default.stderr.hasColors?.()),
      stripColor: (str) => (0, import_node_util2.stripVTControlCharacters)(str)
    };
    this._hidden = false;
    this._helpOption = void 0;
    this._addImplicitHelpCommand = void 0;
    this._helpCommand = void 0;
    this._helpConfiguration = {};
    this._helpGroupHeading = void 0;
    this._defaultCommandGroup = void 0;
    this._defaultOptionGroup = void 0;
  }
  /**
   * Copy settings that are useful to have in common across root command and subcommands.
   *
   * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
   *
   * @param {Command} sourceCommand
   * @return {Command} `this` command for chaining
   */
  copyInheritedSettings(sourceCommand) {
    this._outputConfiguration = sourceCommand._outputConfiguration;
    this._helpOption = sourceCommand._helpOption;
    this._helpCommand = sourceCommand._helpCommand;
    this._helpConfiguration = sourceCommand._helpConfiguration;
    this._exitCallback = sourceCommand._exitCallback;
    this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
    this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
    this._allowExcessArguments = sourceCommand._allowExcessArguments;
    this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
    this._showHelpAfterError = sourceCommand._showHelpAfterError;
    this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
    return this;
  }
  /**
   * @returns {Command[]}
   * @private
   */
  _getCommandAndAncestors() {
    const result = [];
    for (let command = this; command; command = command.parent) {
      result.push(command);
    }
    return result;
  }
  /**
   * Define a command.
   *
   * There are two styles of command: pay attention to where to put the description.
   *
   * @example
   * // Command implemented using action handler (description is supplied separately to `.command`)
   * program
   *   .command('clone <source> [destination]')
   *   .description('clone a repository into a newly created directory')
   *   .action((source, destination) => {
   *     console.log('clone command called');
   *   });
   *
   * // Command implemented using separate executable file (description is second parameter to `.command`)
   * program
   *   .command('start <service>', 'start named service')
   *   .command('stop [service]', 'stop named service, or all if no name supplied');
   *
   * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
   * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
   * @param {object} [execOpts] - configuration options (for executable)
   * @return {Command} returns new command for action handler, or `this` for executable command
   */
  command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
    let desc = actionOptsOrExecDesc;
    let opts = execOpts;
    if (typeof desc === "object" && desc !== null) {
      opts = desc;
      desc = null;
    }
    opts = opts || {};
    const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
    const cmd = this.createCommand(name);
    if (desc) {
      cmd.description(desc);
      cmd._executableHandler = true;
    }
    if (opts.isDefault) this._defaultCommandName = cmd._name;
    cmd._hidden = !!(opts.noHelp || opts.hidden);
    cmd._executableFile = opts.executableFile || null;
    if (args) cmd.arguments(args);
    this._registerCommand(cmd);
    cmd.parent = this;
    cmd.copyInheritedSettings(this);
    if (desc) return this;
    return cmd;
  }
  /**
   * Factory routine to create a new unattached command.
   *
   * See .command() for creating an attached subcommand, which uses this routine to
   * create the command. You can override createCommand to customise subcommands.
   *
   * @param {string} [name]
   * @return {Command} new command
   */
  createCommand(name) {
    return new _Command(name);
  }
  /**
   * You can customise the help with a subclass of Help by overriding createHelp,
   * or by overriding Help properties using configureHelp().
   *
   * @return {Help}
   */
  createHelp() {
    return Object.assign(new Help(), this.configureHelp());
  }
  /**
   * You can customise the help by overriding Help properties using configureHelp(),
   * or with a subclass of Help by overriding createHelp().
   *
   * @param {object} [configuration] - configuration options
   * @return {(Command | object)} `this` command for chaining, or stored configuration
   */
  configureHelp(configuration) {
    if (configuration === void 0) return this._helpConfiguration;
    this._helpConfiguration = configuration;
    return this;
  }
  /**
   * The default output goes to stdout and stderr. You can customise this for special
   * applications. You can also customise the display of errors by overriding outputError.
   *
   * The configuration properties are all functions:
   *
   *     // change how output being written, defaults to stdout and stderr
   *     writeOut(str)
   *     writeErr(str)
   *     // change how output being written for errors, defaults to writeErr
   *     outputError(str, write) // used for displaying errors and not used for displaying help
   *     // specify width for wrapping help
   *     getOutHelpWidth()
   *     getErrHelpWidth()
   *     // color support, currently only used with Help
   *     getOutHasColors()
   *     getErrHasColors()
   *     stripColor() // used to remove ANSI escape codes if output does not have colors
   *
   * @param {object} [configuration] - configuration options
   * @return {(Command | object)} `this` command for chaining, or stored configuration
   */
  configureOutput(configuration) {
    if (configuration === void 0) return this._outputConfiguration;
    this._outputConfiguration = {
      ...this._outputConfiguration,
      ...configuration
    };
    return this;
  }
  /**
   * Display the help or a custom message after an error occurs.
   *
   * @param {(boolean|string)} [displayHelp]
   * @return {Command} `this` command for chaining
   */
  showHelpAfterError(displayHelp = true) {
    if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
    this._showHelpAfterError = displayHelp;
    return this;
  }
  /**
   * Display suggestion of similar commands for unknown commands, or options for unknown options.
   *
   * @param {boolean} [displaySuggestion]
   * @return {Command} `this` command for chaining
   */
  showSuggestionAfterError(displaySuggestion = true) {
    this._showSuggestionAfterError = !!displaySuggestion;
    return this;
  }
  /**
   * Add a prepared subcommand.
   *
   * See .command() for creating an attached subcommand which inherits settings from its parent.
   *
   * @param {Command} cmd - new subcommand
   * @param {object} [opts] - configuration options
   * @return {Command} `this` command for chaining
   */
  addCommand(cmd, opts) {
    if (!cmd._name) {
      throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
    }
    opts = opts || {};
    if (opts.isDefault) this._defaultCommandName = cmd._name;
    if (opts.noHelp || opts.hidden) cmd._hidden = true;
    this._registerCommand(cmd);
    cmd.parent = this;
    cmd._checkForBrokenPassThrough();
    return this;
  }
  /**
   * Factory routine to create a new unattached argument.
   *
   * See .argument() for creating an attached argument, which uses this routine to
   * create the argument. You can override createArgument to return a custom argument.
   *
   * @param {string} name
   * @param {string} [description]
   * @return {Argument} new argument
   */
  createArgument(name, description) {
    return new Argument(name, description);
  }
  /**
   * Define argument syntax for command.
   *
   * The default is that the argument is required, and you can explicitly
   * indicate this with <> around the name. Put [] around the name for an optional argument.
   *
   * @example
   * program.argument('<input-file>');
   * program.argument('[output-file]');
   *
   * @param {string} name
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom argument processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */
  argument(name, description, parseArg, defaultValue) {
    const argument = this.createArgument(name, description);
    if (typeof parseArg === "function") {
      argument.default(defaultValue).argParser(parseArg);
    } else {
      argument.default(parseArg);
    }
    this.addArgument(argument);
    return this;
  }
  /**
   * Define argument syntax for command, adding multiple at once (without descriptions).
   *
   * See also .argument().
   *
   * @example
   * program.arguments('<cmd> [env]');
   *
   * @param {string} names
   * @return {Command} `this` command for chaining
   */
  arguments(names2) {
    names2.trim().split(/ +/).forEach((detail) => {
      this.argument(detail);
    });
    return this;
  }
  /**
   * Define argument syntax for command, adding a prepared argument.
   *
   * @param {Argument} argument
   * @return {Command} `this` command for chaining
   */
  addArgument(argument) {
    const previousArgument = this.registeredArguments.slice(-1)[0];
    if (previousArgument?.variadic) {
      throw new Error(
        `only the last argument can be variadic '${previousArgument.name()}'`
      );
    }
    if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
      throw new Error(
        `a default value for a required argument is never used: '${argument.name()}'`
      );
    }
    this.registeredArguments.push(argument);
    return this;
  }
  /**
   * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
   *
   * @example
   *    program.helpCommand('help [cmd]');
   *    program.helpCommand('help [cmd]', 'show help');
   *    program.helpCommand(false); // suppress default help command
   *    program.helpCommand(true); // add help command even if no subcommands
   *
   * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
   * @param {string} [description] - custom description
   * @return {Command} `this` command for chaining
   */
  helpCommand(enableOrNameAndArgs, description) {
    if (typeof enableOrNameAndArgs === "boolean") {
      this._addImplicitHelpCommand = enableOrNameAndArgs;
      if (enableOrNameAndArgs && this._defaultCommandGroup) {
        this._initCommandGroup(this._getHelpCommand());
      }
      return this;
    }
    const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
    const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
    const helpDescription = description ?? "display help for command";
    const helpCommand = this.createCommand(helpName);
    helpCommand.helpOption(false);
    if (helpArgs) helpCommand.arguments(helpArgs);
    if (helpDescription) helpCommand.description(helpDescription);
    this._addImplicitHelpCommand = true;
    this._helpCommand = helpCommand;
    if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
    return this;
  }
  /**
   * Add prepared custom help command.
   *
   * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
   * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
   * @return {Command} `this` command for chaining
   */
  addHelpCommand(helpCommand, deprecatedDescription) {
    if (typeof helpCommand !== "object") {
      this.helpCommand(helpCommand, deprecatedDescription);
      return this;
    }
    this._addImplicitHelpCommand = true;
    this._helpCommand = helpCommand;
    this._initCommandGroup(helpCommand);
    return this;
  }
  /**
   * Lazy create help command.
   *
   * @return {(Command|null)}
   * @package
   */
  _getHelpCommand() {
    const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
    if (hasImplicitHelpCommand) {
      if (this._helpCommand === void 0) {
        this.helpCommand(void 0, void 0);
      }
      return this._helpCommand;
    }
    return null;
  }
  /**
   * Add hook for life cycle event.
   *
   * @param {string} event
   * @param {Function} listener
   * @return {Command} `this` command for chaining
   */
  hook(event, listener) {
    const allowedValues = ["preSubcommand", "preAction", "postAction"];
    if (!allowedValues.includes(event)) {
      throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
    }
    if (this._lifeCycleHooks[event]) {
      this._lifeCycleHooks[event].push(listener);
    } else {
      this._lifeCycleHooks[event] = [listener];
    }
    return this;
  }
  /**
   * Register callback to use as replacement for calling process.exit.
   *
   * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
   * @return {Command} `this` command for chaining
   */
  exitOverride(fn) {
    if (fn) {
      this._exitCallback = fn;
    } else {
      this._exitCallback = (err) => {
        if (err.code !== "commander.executeSubCommandAsync") {
          throw err;
        } else {
        }
      };
    }
    return this;
  }
  /**
   * Call process.exit, and _exitCallback if defined.
   *
   * @param {number} exitCode exit code for using with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   * @return never
   * @private
   */
  _exit(exitCode, code, message) {
    if (this._exitCallback) {
      this._exitCallback(new CommanderError(exitCode, code, message));
    }
    import_node_process.default.exit(exitCode);
  }
  /**
   * Register callback `fn` for the command.
   *
   * @example
   * program
   *   .command('serve')
   *   .description('start service')
   *   .action(function() {
   *      // do work here
   *   });
   *
   * @param {Function} fn
   * @return {Command} `this` command for chaining
   */
  action(fn) {
    const listener = (args) => {
      const expectedArgsCount = this.registeredArguments.length;
      const actionArgs = args.slice(0, expectedArgsCount);
      if (this._storeOptionsAsProperties) {
        actionArgs[expectedArgsCount] = this;
      } else {
        actionArgs[expectedArgsCount] = this.opts();
      }
      actionArgs.push(this);
      return fn.apply(this, actionArgs);
    };
    this._actionHandler = listener;
    return this;
  }
  /**
   * Factory routine to create a new unattached option.
   *
   * See .option() for creating an attached option, which uses this routine to
   * create the option. You can override createOption to return a custom option.
   *
   * @param {string} flags
   * @param {string} [description]
   * @return {Option} new option
   */
  createOption(flags, description) {
    return new Option(flags, description);
  }
  /**
   * Wrap parseArgs to catch 'commander.invalidArgument'.
   *
   * @param {(Option | Argument)} target
   * @param {string} value
   * @param {*} previous
   * @param {string} invalidArgumentMessage
   * @private
   */
  _callParseArg(target, value, previous, invalidArgumentMessage) {
    try {
      return target.parseArg(value, previous);
    } catch (err) {
      if (err.code === "commander.invalidArgument") {
        const message = `${invalidArgumentMessage} ${err.message}`;
        this.error(message, { exitCode: err.exitCode, code: err.code });
      }
      throw err;
    }
  }
  /**
   * Check for option flag conflicts.
   * Register option if no conflicts found, or throw on conflict.
   *
   * @param {Option} option
   * @private
   */
  _registerOption(option) {
    const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
    if (matchingOption) {
      const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
      throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
    }
    this._initOptionGroup(option);
    this.options.push(option);
  }
  /**
   * Check for command name and alias conflicts with existing commands.
   * Register command if no conflicts found, or throw on conflict.
   *
   * @param {Command} command
   * @private
   */
  _registerCommand(command) {
    const knownBy = (cmd) => {
      return [cmd.name()].concat(cmd.aliases());
    };
    const alreadyUsed = knownBy(command).find(
      (name) => this._findCommand(name)
    );
    if (alreadyUsed) {
      const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
      const newCmd = knownBy(command).join("|");
      throw new Error(
        `cannot add command '${newCmd}' as already have command '${existingCmd}'`
      );
    }
    this._initCommandGroup(command);
    this.commands.push(command);
  }
  /**
   * Add an option.
   *
   * @param {Option} option
   * @return {Command} `this` command for chaining
   */
  addOption(option) {
    this._registerOption(option);
    const oname = option.name();
    const name = option.attributeName();
    if (option.defaultValue !== void 0) {
      this.setOptionValueWithSource(name, option.defaultValue, "default");
    }
    const handleOptionValue = (val, invalidValueMessage, valueSource) => {
      if (val == null && option.presetArg !== void 0) {
        val = option.presetArg;
      }
      const oldValue = this.getOptionValue(name);
      if (val !== null && option.parseArg) {
        val = this._callParseArg(option, val, oldValue, invalidValueMessage);
      } else if (val !== null && option.variadic) {
        val = option._collectValue(val, oldValue);
      }
      if (val == null) {
        if (option.negate) {
          val = false;
        } else if (option.isBoolean() || option.optional) {
          val = true;
        } else {
          val = "";
        }
      }
      this.setOptionValueWithSource(name, val, valueSource);
    };
    this.on("option:" + oname, (val) => {
      const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
      handleOptionValue(val, invalidValueMessage, "cli");
    });
    if (option.envVar) {
      this.on("optionEnv:" + oname, (val) => {
        const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
        handleOptionValue(val, invalidValueMessage, "env");
      });
    }
    return this;
  }
  /**
   * Internal implementation shared by .option() and .requiredOption()
   *
   * @return {Command} `this` command for chaining
   * @private
   */
  _optionEx(config, flags, description, fn, defaultValue) {
    if (typeof flags === "object" && flags instanceof Option) {
      throw new Error(
        "To add an Option object use addOption() instead of option() or requiredOption()"
      );
    }
    const option = this.createOption(flags, description);
    option.makeOptionMandatory(!!config.mandatory);
    if (typeof fn === "function") {
      option.default(defaultValue).argParser(fn);
    } else if (fn instanceof RegExp) {
      const regex = fn;
      fn = (val, def) => {
        const m = regex.exec(val);
        return m ? m[0] : def;
      };
      option.default(defaultValue).argParser(fn);
    } else {
      option.default(fn);
    }
    return this.addOption(option);
  }
  /**
   * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
   *
   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
   * option-argument is indicated by `<>` and an optional option-argument by `[]`.
   *
   * See the README for more details, and see also addOption() and requiredOption().
   *
   * @example
   * program
   *     .option('-p, --pepper', 'add pepper')
   *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
   *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
   *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
   *
   * @param {string} flags
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom option processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */
  option(flags, description, parseArg, defaultValue) {
    return this._optionEx({}, flags, description, parseArg, defaultValue);
  }
  /**
   * Add a required option which must have a value after parsing. This usually means
   * the option must be specified on the command line. (Otherwise the same as .option().)
   *
   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
   *
   * @param {string} flags
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom option processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */
  requiredOption(flags, description, parseArg, defaultValue) {
    return this._optionEx(
      { mandatory: true },
      flags,
      description,
      parseArg,
      defaultValue
    );
  }
  /**
   * Alter parsing of short flags with optional values.
   *
   * @example
   * // for `.option('-f,--flag [value]'):
   * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
   * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
   *
   * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
   * @return {Command} `this` command for chaining
   */
  combineFlagAndOptionalValue(combine = true) {
    this._combineFlagAndOptionalValue = !!combine;
    return this;
  }
  /**
   * Allow unknown options on the command line.
   *
   * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
   * @return {Command} `this` command for chaining
   */
  allowUnknownOption(allowUnknown = true) {
    this._allowUnknownOption = !!allowUnknown;
    return this;
  }
  /**
   * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
   *
   * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
   * @return {Command} `this` command for chaining
   */
  allowExcessArguments(allowExcess = true) {
    this._allowExcessArguments = !!allowExcess;
    return this;
  }
  /**
   * Enable positional options. Positional means global options are specified before subcommands which lets
   * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
   * The default behaviour is non-positional and global options may appear anywhere on the command line.
   *
   * @param {boolean} [positional]
   * @return {Command} `this` command for chaining
   */
  enablePositionalOptions(positional = true) {
    this._enablePositionalOptions = !!positional;
    return this;
  }
  /**
   * Pass through options that come after command-arguments rather than treat them as command-options,
   * so actual command-options come before command-arguments. Turning this on for a subcommand requires
   * positional options to have been enabled on the program (parent commands).
   * The default behaviour is non-positional and options may appear before or after command-arguments.
   *
   * @param {boolean} [passThrough] for unknown options.
   * @return {Command} `this` command for chaining
   */
  passThroughOptions(passThrough = true) {
    this._passThroughOptions = !!passThrough;
    this._checkForBrokenPassThrough();
    return this;
  }
  /**
   * @private
   */
  _checkForBrokenPassThrough() {
    if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
      throw new Error(
        `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
      );
    }
  }
  /**
   * Whether to store option values as properties on command object,
   * or store separately (specify false). In both cases the option values can be accessed using .opts().
   *
   * @param {boolean} [storeAsProperties=true]
   * @return {Command} `this` command for chaining
   */
  storeOptionsAsProperties(storeAsProperties = true) {
    if (this.options.length) {
      throw new Error("call .storeOptionsAsProperties() before adding options");
    }
    if (Object.keys(this._optionValues).length) {
      throw new Error(
        "call .storeOptionsAsProperties() before setting option values"
      );
    }
    this._storeOptionsAsProperties = !!storeAsProperties;
    return this;
  }
  /**
   * Retrieve option value.
   *
   * @param {string} key
   * @return {object} value
   */
  getOptionValue(key) {
    if (this._storeOptionsAsProperties) {
      return this[key];
    }
    return this._optionValues[key];
  }
  /**
   * Store option value.
   *
   * @param {string} key
   * @param {object} value
   * @return {Command} `this` command for chaining
   */
  setOptionValue(key, value) {
    return this.setOptionValueWithSource(key, value, void 0);
  }
  /**
   * Store option value and where the value came from.
   *
   * @param {string} key
   * @param {object} value
   * @param {string} source - expected values are default/config/env/cli/implied
   * @return {Command} `this` command for chaining
   */
  setOptionValueWithSource(key, value, source) {
    if (this._storeOptionsAsProperties) {
      this[key] = value;
    } else {
      this._optionValues[key] = value;
    }
    this._optionValueSources[key] = source;
    return this;
  }
  /**
   * Get source of option value.
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */
  getOptionValueSource(key) {
    return this._optionValueSources[key];
  }
  /**
   * Get source of option value. See also .optsWithGlobals().
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */
  getOptionValueSourceWithGlobals(key) {
    let source;
    this._getCommandAndAncestors().forEach((cmd) => {
      if (Object.hasOwn(cmd._optionValueSources, key)) {
        source = cmd.getOptionValueSource(key);
      }
    });
    return source;
  }
  /**
   * Get user arguments from implied or explicit arguments.
   * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
   *
   * @private
   */
  _prepareUserArgs(argv, parseOptions) {
    if (argv !== void 0 && !Array.isArray(argv)) {
      throw new Error("first parameter to parse must be array or undefined");
    }
    parseOptions = parseOptions || {};
    if (argv === void 0 && parseOptions.from === void 0) {
      if (import_node_process.default.versions?.electron) {
        parseOptions.from = "electron";
      }
      const execArgv = import_node_process.default.execArgv ?? [];
      if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
        parseOptions.from = "eval";
      }
    }
    if (argv === void 0) {
      argv = import_node_process.default.argv;
    }
    this.rawArgs = argv.slice();
    let userArgs;
    switch (parseOptions.from) {
      case void 0:
      case "node":
        this._scriptPath = argv[1];
        userArgs = argv.slice(2);
        break;
      case "electron":
        if (import_node_process.default.defaultApp) {
          this._scriptPath = argv[1];
          userArgs = argv.slice(2);
        } else {
          userArgs = argv.slice(1);
        }
        break;
      case "user":
        userArgs = argv.slice(0);
        break;
      case "eval":
        userArgs = argv.slice(1);
        break;
      default:
        throw new Error(
          `unexpected parse option { from: '${parseOptions.from}' }`
        );
    }
    if (!this._name && this._scriptPath)
      this.nameFromFilename(this._scriptPath);
    this._name = this._name || "program";
    return userArgs;
  }
  /**
   * Parse `argv`, setting options and invoking commands when defined.
   *
   * Use parseAsync instead of parse if any of your action handlers are async.
   *
   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
   *
   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
   * - `'user'`: just user arguments
   *
   * @example
   * program.parse(); // parse process.argv and auto-detect electron and special node flags
   * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
   * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
   *
   * @param {string[]} [argv] - optional, defaults to process.argv
   * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
   * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
   * @return {Command} `this` command for chaining
   */
  parse(argv, parseOptions) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions);
    this._parseCommand([], userArgs);
    return this;
  }
  /**
   * Parse `argv`, setting options and invoking commands when defined.
   *
   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
   *
   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
   * - `'user'`: just user arguments
   *
   * @example
   * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
   * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
   * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
   *
   * @param {string[]} [argv]
   * @param {object} [parseOptions]
   * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
   * @return {Promise}
   */
  async parseAsync(argv, parseOptions) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions);
    await this._parseCommand([], userArgs);
    return this;
  }
  _prepareForParse() {
    if (this._savedState === null) {
      this.options.filter(
        (option) => option.negate && option.defaultValue === void 0 && this.getOptionValue(option.attributeName()) === void 0
      ).forEach((option) => {
        const positiveLongFlag = option.long.replace(/^--no-/, "--");
        if (!this._findOption(positiveLongFlag)) {
          this.setOptionValueWithSource(
            option.attributeName(),
            true,
            "default"
          );
        }
      });
      this.saveStateBeforeParse();
    } else {
      this.restoreStateBeforeParse();
    }
  }
  /**
   * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
   * Not usually called directly, but available for subclasses to save their custom state.
   *
   * This is called in a lazy way. Only commands used in parsing chain will have state saved.
   */
  saveStateBeforeParse() {
    this._savedState = {
      // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
      _name: this._name,
      // option values before parse have default values (including false for negated options)
      // shallow clones
      _optionValues: { ...this._optionValues },
      _optionValueSources: { ...this._optionValueSources }
    };
  }
  /**
   * Restore state before parse for calls after the first.
   * Not usually called directly, but available for subclasses to save their custom state.
   *
   * This is called in a lazy way. Only commands used in parsing chain will have state restored.
   */
  restoreStateBeforeParse() {
    if (this._storeOptionsAsProperties)
      throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
    this._name = this._savedState._name;
    this._scriptPath = null;
    this.rawArgs = [];
    this._optionValues = { ...this._savedState._optionValues };
    this._optionValueSources = { ...this._savedState._optionValueSources };
    this.args = [];
    this.processedArgs = [];
  }
  /**
   * Throw if expected executable is missing. Add lots of help for author.
   *
   * @param {string} executableFile
   * @param {string} executableDir
   * @param {string} subcommandName
   */
  _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
    if (import_node_fs.default.existsSync(executableFile)) return;
    const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
    const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
    throw new Error(executableMissing);
  }
  /**
   * Execute a sub-command executable.
   *
   * @private
   */
  _executeSubCommand(subcommand, args) {
    args = args.slice();
    const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
    function findFile(baseDir, baseName) {
      const localBin = import_node_path.default.resolve(baseDir, baseName);
      if (import_node_fs.default.existsSync(localBin)) return localBin;
      if (sourceExt.includes(import_node_path.default.extname(baseName))) return void 0;
      const foundExt = sourceExt.find(
        (ext) => import_node_fs.default.existsSync(`${localBin}${ext}`)
      );
      if (foundExt) return `${localBin}${foundExt}`;
      return void 0;
    }
    this._checkForMissingMandatoryOptions();
    this._checkForConflictingOptions();
    let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
    let executableDir = this._executableDir || "";
    if (this._scriptPath) {
      let resolvedScriptPath;
      try {
        resolvedScriptPath = import_node_fs.default.realpathSync(this._scriptPath);
      } catch {
        resolvedScriptPath = this._scriptPath;
      }
      executableDir = import_node_path.default.resolve(
        import_node_path.default.dirname(resolvedScriptPath),
        executableDir
      );
    }
    if (executableDir) {
      let localFile = findFile(executableDir, executableFile);
      if (!localFile && !subcommand._executableFile && this._scriptPath) {
        const legacyName = import_node_path.default.basename(
          this._scriptPath,
          import_node_path.default.extname(this._scriptPath)
        );
        if (legacyName !== this._name) {
          localFile = findFile(
            executableDir,
            `${legacyName}-${subcommand._name}`
          );
        }
      }
      executableFile = localFile || executableFile;
    }
    const launchWithNode = sourceExt.includes(import_node_path.default.extname(executableFile));
    let proc;
    if (import_node_process.default.platform !== "win32") {
      if (launchWithNode) {
        args.unshift(executableFile);
        args = incrementNodeInspectorPort(import_node_process.default.execArgv).concat(args);
        proc = import_node_child_process.default.spawn(import_node_process.default.argv[0], args, { stdio: "inherit" });
      } else {
        proc = import_node_child_process.default.spawn(executableFile, args, { stdio: "inherit" });
      }
    } else {
      this._checkForMissingExecutable(
        executableFile,
        executableDir,
        subcommand._name
      );
      args.unshift(executableFile);
      args = incrementNodeInspectorPort(import_node_process.default.execArgv).concat(args);
      proc = import_node_child_process.default.spawn(import_node_process.default.execPath, args, { stdio: "inherit" });
    }
    if (!proc.killed) {
      const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
      signals.forEach((signal) => {
        import_node_process.default.on(signal, () => {
          if (proc.killed === false && proc.exitCode === null) {
            proc.kill(signal);
          }
        });
      });
    }
    const exitCallback = this._exitCallback;
    proc.on("close", (code) => {
      code = code ?? 1;
      if (!exitCallback) {
        import_node_process.default.exit(code);
      } else {
        exitCallback(
          new CommanderError(
            code,
            "commander.executeSubCommandAsync",
            "(close)"
          )
        );
      }
    });
    proc.on("error", (err) => {
      if (err.code === "ENOENT") {
        this._checkForMissingExecutable(
          executableFile,
          executableDir,
          subcommand._name
        );
      } else if (err.code === "EACCES") {
        throw new Error(`'${executableFile}' not executable`);
      }
      if (!exitCallback) {
        import_node_process.default.exit(1);
      } else {
        const wrappedError = new CommanderError(
          1,
          "commander.executeSubCommandAsync",
          "(error)"
        );
        wrappedError.nestedError = err;
        exitCallback(wrappedError);
      }
    });
    this.runningCommand = proc;
  }
  /**
   * @private
   */
  _dispatchSubcommand(commandName, operands, unknown) {
    const subCommand = this._findCommand(commandName);
    if (!subCommand) this.help({ error: true });
    subCommand._prepareForParse();
    let promiseChain;
    promiseChain = this._chainOrCallSubCommandHook(
      promiseChain,
      subCommand,
      "preSubcommand"
    );
    promiseChain = this._chainOrCall(promiseChain, () => {
      if (subCommand._executableHandler) {
        this._executeSubCommand(subCommand, operands.concat(unknown));
      } else {
        return subCommand._parseCommand(operands, unknown);
      }
    });
    return promiseChain;
  }
  /**
   * Invoke help directly if possible, or dispatch if necessary.
   * e.g. help foo
   *
   * @private
   */
  _dispatchHelpCommand(subcommandName) {
    if (!subcommandName) {
      this.help();
    }
    const subCommand = this._findCommand(subcommandName);
    if (subCommand && !subCommand._executableHandler) {
      subCommand.help();
    }
    return this._dispatchSubcommand(
      subcommandName,
      [],
      [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
    );
  }
  /**
   * Check this.args against expected this.registeredArguments.
   *
   * @private
   */
  _checkNumberOfArguments() {
    this.registeredArguments.forEach((arg, i) => {
      if (arg.required && this.args[i] == null) {
        this.missingArgument(arg.name());
      }
    });
    if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
      return;
    }
    if (this.args.length > this.registeredArguments.length) {
      this._excessArguments(this.args);
    }
  }
  /**
   * Process this.args using this.registeredArguments and save as this.processedArgs!
   *
   * @private
   */
  _processArguments() {
    const myParseArg = (argument, value, previous) => {
      let parsedValue = value;
      if (value !== null && argument.parseArg) {
        const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
        parsedValue = this._callParseArg(
          argument,
          value,
          previous,
          invalidValueMessage
        );
      }
      return parsedValue;
    };
    this._checkNumberOfArguments();
    const processedArgs = [];
    this.registeredArguments.forEach((declaredArg, index) => {
      let value = declaredArg.defaultValue;
      if (declaredArg.variadic) {
        if (index < this.args.length) {
          value = this.args.slice(index);
          if (declaredArg.parseArg) {
            value = value.reduce((processed, v) => {
              return myParseArg(declaredArg, v, processed);
            }, declaredArg.defaultValue);
          }
        } else if (value === void 0) {
          value = [];
        }
      } else if (index < this.args.length) {
        value = this.args[index];
        if (declaredArg.parseArg) {
          value = myParseArg(declaredArg, value, declaredArg.defaultValue);
        }
      }
      processedArgs[index] = value;
    });
    this.processedArgs = processedArgs;
  }
  /**
   * Once we have a promise we chain, but call synchronously until then.
   *
   * @param {(Promise|undefined)} promise
   * @param {Function} fn
   * @return {(Promise|undefined)}
   * @private
   */
  _chainOrCall(promise, fn) {
    if (promise?.then && typeof promise.then === "function") {
      return promise.then(() => fn());
    }
    return fn();
  }
  /**
   *
   * @param {(Promise|undefined)} promise
   * @param {string} event
   * @return {(Promise|undefined)}
   * @private
   */
  _chainOrCallHooks(promise, event) {
    let result = promise;
    const hooks = [];
    this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
      hookedCommand._lifeCycleHooks[event].forEach((callback) => {
        hooks.push({ hookedCommand, callback });
      });
    });
    if (event === "postAction") {
      hooks.reverse();
    }
    hooks.forEach((hookDetail) => {
      result = this._chainOrCall(result, () => {
        return hookDetail.callback(hookDetail.hookedCommand, this);
      });
    });
    return result;
  }
  /**
   *
   * @param {(Promise|undefined)} promise
   * @param {Command} subCommand
   * @param {string} event
   * @return {(Promise|undefined)}
   * @private
   */
  _chainOrCallSubCommandHook(promise, subCommand, event) {
    let result = promise;
    if (this._lifeCycleHooks[event] !== void 0) {
      this._lifeCycleHooks[event].forEach((hook) => {
        result = this._chainOrCall(result, () => {
          return hook(this, subCommand);
        });
      });
    }
    return result;
  }
  /**
   * Process arguments in context of this command.
   * Returns action result, in case it is a promise.
   *
   * @private
   */
  _parseCommand(operands, unknown) {
    const parsed = this.parseOptions(unknown);
    this._parseOptionsEnv();
    this._parseOptionsImplied();
    operands = operands.concat(parsed.operands);
    unknown = parsed.unknown;
    this.args = operands.concat(unknown);
    if (operands && this._findCommand(operands[0])) {
      return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
    }
    if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
      return this._dispatchHelpCommand(operands[1]);
    }
    if (this._defaultCommandName) {
      this._outputHelpIfRequested(unknown);
      return this._dispatchSubcommand(
        this._defaultCommandName,
        operands,
        unknown
      );
    }
    if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
      this.help({ error: true });
    }
    this._outputHelpIfRequested(parsed.unknown);
    this._checkForMissingMandatoryOptions();
    this._checkForConflictingOptions();
    const checkForUnknownOptions = () => {
      if (parsed.unknown.length > 0) {
        this.unknownOption(parsed.unknown[0]);
      }
    };
    const commandEvent = `command:${this.name()}`;
    if (this._actionHandler) {
      checkForUnknownOptions();
      this._processArguments();
      let promiseChain;
      promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
      promiseChain = this._chainOrCall(
        promiseChain,
        () => this._actionHandler(this.processedArgs)
      );
      if (this.parent) {
        promiseChain = this._chainOrCall(promiseChain, () => {
          this.parent.emit(commandEvent, operands, unknown);
        });
      }
      promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
      return promiseChain;
    }
    if (this.parent?.listenerCount(commandEvent)) {
      checkForUnknownOptions();
      this._processArguments();
      this.parent.emit(commandEvent, operands, unknown);
    } else if (operands.length) {
      if (this._findCommand("*")) {
        return this._dispatchSubcommand("*", operands, unknown);
      }
      if (this.listenerCount("command:*")) {
        this.emit("command:*", operands, unknown);
      } else if (this.commands.length) {
        this.unknownCommand();
      } else {
        checkForUnknownOptions();
        this._processArguments();
      }
    } else if (this.commands.length) {
      checkForUnknownOptions();
      this.help({ error: true });
    } else {
      checkForUnknownOptions();
      this._processArguments();
    }
  }
  /**
   * Find matching command.
   *
   * @private
   * @return {Command | undefined}
   */
  _findCommand(name) {
    if (!name) return void 0;
    return this.commands.find(
      (cmd) => cmd._name === name || cmd._aliases.includes(name)
    );
  }
  /**
   * Return an option matching `arg` if any.
   *
   * @param {string} arg
   * @return {Option}
   * @package
   */
  _findOption(arg) {
    return this.options.find((option) => option.is(arg));
  }
  /**
   * Display an error message if a mandatory option does not have a value.
   * Called after checking for help flags in leaf subcommand.
   *
   * @private
   */
  _checkForMissingMandatoryOptions() {
    this._getCommandAndAncestors().forEach((cmd) => {
      cmd.options.forEach((anOption) => {
        if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
          cmd.missingMandatoryOptionValue(anOption);
        }
      });
    });
  }
  /**
   * Display an error message if conflicting options are used together in this.
   *
   * @private
   */
  _checkForConflictingLocalOptions() {
    const definedNonDefaultOptions = this.options.filter((option) => {
      const optionKey = option.attributeName();
      if (this.getOptionValue(optionKey) === void 0) {
        return false;
      }
      return this.getOptionValueSource(optionKey) !== "default";
    });
    const optionsWithConflicting = definedNonDefaultOptions.filter(
      (option) => option.conflictsWith.length > 0
    );
    optionsWithConflicting.forEach((option) => {
      const conflictingAndDefined = definedNonDefaultOptions.find(
        (defined) => option.conflictsWith.includes(defined.attributeName())
      );
      if (conflictingAndDefined) {
        this._conflictingOption(option, conflictingAndDefined);
      }
    });
  }
  /**
   * Display an error message if conflicting options are used together.
   * Called after checking for help flags in leaf subcommand.
   *
   * @private
   */
  _checkForConflictingOptions() {
    this._getCommandAndAncestors().forEach((cmd) => {
      cmd._checkForConflictingLocalOptions();
    });
  }
  /**
   * Parse options from `argv` removing known options,
   * and return argv split into operands and unknown arguments.
   *
   * Side effects: modifies command by storing options. Does not reset state if called again.
   *
   * Examples:
   *
   *     argv => operands, unknown
   *     --known kkk op => [op], []
   *     op --known kkk => [op], []
   *     sub --unknown uuu op => [sub], [--unknown uuu op]
   *     sub -- --unknown uuu op => [sub --unknown uuu op], []
   *
   * @param {string[]} args
   * @return {{operands: string[], unknown: string[]}}
   */
  parseOptions(args) {
    const operands = [];
    const unknown = [];
    let dest = operands;
    function maybeOption(arg) {
      return arg.length > 1 && arg[0] === "-";
    }
    const negativeNumberArg = (arg) => {
      if (!/^-(\d+|\d*\.\d+)([eE][+-]?\d+)?$/.test(arg)) return false;
      return !this._getCommandAndAncestors().some(
        (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
      );
    };
    let activeVariadicOption = null;
    let activeGroup = null;
    let i = 0;
    while (i < args.length || activeGroup) {
      const arg = activeGroup ?? args[i++];
      activeGroup = null;
      if (arg === "--") {
        if (dest === unknown) dest.push(arg);
        dest.push(...args.slice(i));
        break;
      }
      if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
        this.emit(`option:${activeVariadicOption.name()}`, arg);
        continue;
      }
      activeVariadicOption = null;
      if (maybeOption(arg)) {
        const option = this._findOption(arg);
        if (option) {
          if (option.required) {
            const value = args[i++];
            if (value === void 0) this.optionMissingArgument(option);
            this.emit(`option:${option.name()}`, value);
          } else if (option.optional) {
            let value = null;
            if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
              value = args[i++];
            }
            this.emit(`option:${option.name()}`, value);
          } else {
            this.emit(`option:${option.name()}`);
          }
          activeVariadicOption = option.variadic ? option : null;
          continue;
        }
      }
      if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
        const option = this._findOption(`-${arg[1]}`);
        if (option) {
          if (option.required || option.optional && this._combineFlagAndOptionalValue) {
            this.emit(`option:${option.name()}`, arg.slice(2));
          } else {
            this.emit(`option:${option.name()}`);
            activeGroup = `-${arg.slice(2)}`;
          }
          continue;
        }
      }
      if (/^--[^=]+=/.test(arg)) {
        const index = arg.indexOf("=");
        const option = this._findOption(arg.slice(0, index));
        if (option && (option.required || option.optional)) {
          this.emit(`option:${option.name()}`, arg.slice(index + 1));
          continue;
        }
      }
      if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
        dest = unknown;
      }
      if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
        if (this._findCommand(arg)) {
          operands.push(arg);
          unknown.push(...args.slice(i));
          break;
        } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
          operands.push(arg, ...args.slice(i));
          break;
        } else if (this._defaultCommandName) {
          unknown.push(arg, ...args.slice(i));
          break;
        }
      }
      if (this._passThroughOptions) {
        dest.push(arg, ...args.slice(i));
        break;
      }
      dest.push(arg);
    }
    return { operands, unknown };
  }
  /**
   * Return an object containing local option values as key-value pairs.
   *
   * @return {object}
   */
  opts() {
    if (this._storeOptionsAsProperties) {
      const result = {};
      const len = this.options.length;
      for (let i = 0; i < len; i++) {
        const key = this.options[i].attributeName();
        result[key] = key === this._versionOptionName ? this._version : this[key];
      }
      return result;
    }
    return this._optionValues;
  }
  /**
   * Return an object containing merged local and global option values as key-value pairs.
   *
   * @return {object}
   */
  optsWithGlobals() {
    return this._getCommandAndAncestors().reduce(
      (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
      {}
    );
  }
  /**
   * Display error message and exit (or call exitOverride).
   *
   * @param {string} message
   * @param {object} [errorOptions]
   * @param {string} [errorOptions.code] - an id string representing the error
   * @param {number} [errorOptions.exitCode] - used with process.exit
   */
  error(message, errorOptions) {
    this._outputConfiguration.outputError(
      `${message}
`,
      this._outputConfiguration.writeErr
    );
    if (typeof this._showHelpAfterError === "string") {
      this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
    } else if (this._showHelpAfterError) {
      this._outputConfiguration.writeErr("\n");
      this.outputHelp({ error: true });
    }
    const config = errorOptions || {};
    const exitCode = config.exitCode || 1;
    const code = config.code || "commander.error";
    this._exit(exitCode, code, message);
  }
  /**
   * Apply any option related environment variables, if option does
   * not have a value from cli or client code.
   *
   * @private
   */
  _parseOptionsEnv() {
    this.options.forEach((option) => {
      if (option.envVar && option.envVar in import_node_process.default.env) {
        const optionKey = option.attributeName();
        if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
          this.getOptionValueSource(optionKey)
        )) {
          if (option.required || option.optional) {
            this.emit(`optionEnv:${option.name()}`, import_node_process.default.env[option.envVar]);
          } else {
            this.emit(`optionEnv:${option.name()}`);
          }
        }
      }
    });
  }
  /**
   * Apply any implied option values, if option is undefined or default value.
   *
   * @private
   */
  _parseOptionsImplied() {
    const dualHelper = new DualOptions(this.options);
    const hasCustomOptionValue = (optionKey) => {
      return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
    };
    this.options.filter(
      (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
        this.getOptionValue(option.attributeName()),
        option
      )
    ).forEach((option) => {
      Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
        this.setOptionValueWithSource(
          impliedKey,
          option.implied[impliedKey],
          "implied"
        );
      });
    });
  }
  /**
   * Argument `name` is missing.
   *
   * @param {string} name
   * @private
   */
  missingArgument(name) {
    const message = `error: missing required argument '${name}'`;
    this.error(message, { code: "commander.missingArgument" });
  }
  /**
   * `Option` is missing an argument.
   *
   * @param {Option} option
   * @private
   */
  optionMissingArgument(option) {
    const message = `error: option '${option.flags}' argument missing`;
    this.error(message, { code: "commander.optionMissingArgument" });
  }
  /**
   * `Option` does not have a value, and is a mandatory option.
   *
   * @param {Option} option
   * @private
   */
  missingMandatoryOptionValue(option) {
    const message = `error: required option '${option.flags}' not specified`;
    this.error(message, { code: "commander.missingMandatoryOptionValue" });
  }
  /**
   * `Option` conflicts with another option.
   *
   * @param {Option} option
   * @param {Option} conflictingOption
   * @private
   */
  _conflictingOption(option, conflictingOption) {
    const findBestOptionFromValue = (option2) => {
      const optionKey = option2.attributeName();
      const optionValue = this.getOptionValue(optionKey);
      const negativeOption = this.options.find(
        (target) => target.negate && optionKey === target.attributeName()
      );
      const positiveOption = this.options.find(
        (target) => !target.negate && optionKey === target.attributeName()
      );
      if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
        return negativeOption;
      }
      return positiveOption || option2;
    };
    const getErrorMessage = (option2) => {
      const bestOption = findBestOptionFromValue(option2);
      const optionKey = bestOption.attributeName();
      const source = this.getOptionValueSource(optionKey);
      if (source === "env") {
        return `environment variable '${bestOption.envVar}'`;
      }
      return `option '${bestOption.flags}'`;
    };
    const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
    this.error(message, { code: "commander.conflictingOption" });
  }
  /**
   * Unknown option `flag`.
   *
   * @param {string} flag
   * @private
   */
  unknownOption(flag) {
    if (this._allowUnknownOption) return;
    let suggestion = "";
    if (flag.startsWith("--") && this._showSuggestionAfterError) {
      let candidateFlags = [];
      let command = this;
      do {
        const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
        candidateFlags = candidateFlags.concat(moreFlags);
        command = command.parent;
      } while (command && !command._enablePositionalOptions);
      suggestion = suggestSimilar(flag, candidateFlags);
    }
    const message = `error: unknown option '${flag}'${suggestion}`;
    this.error(message, { code: "commander.unknownOption" });
  }
  /**
   * Excess arguments, more than expected.
   *
   * @param {string[]} receivedArgs
   * @private
   */
  _excessArguments(receivedArgs) {
    if (this._allowExcessArguments) return;
    const expected = this.registeredArguments.length;
    const s = expected === 1 ? "" : "s";
    const received = receivedArgs.length;
    const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
    const details2 = receivedArgs.join(", ");
    const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${received}: ${details2}.`;
    this.error(message, { code: "commander.excessArguments" });
  }
  /**
   * Unknown command.
   *
   * @private
   */
  unknownCommand() {
    const unknownName = this.args[0];
    let suggestion = "";
    if (this._showSuggestionAfterError) {
      const candidateNames = [];
      this.createHelp().visibleCommands(this).forEach((command) => {
        candidateNames.push(command.name());
        if (command.alias()) candidateNames.push(command.alias());
      });
      suggestion = suggestSimilar(unknownName, candidateNames);
    }
    const message = `error: unknown command '${unknownName}'${suggestion}`;
    this.error(message, { code: "commander.unknownCommand" });
  }
  /**
   * Get or set the program version.
   *
   * This method auto-registers the "-V, --version" option which will print the version number.
   *
   * You can optionally supply the flags and description to override the defaults.
   *
   * @param {string} [str]
   * @param {string} [flags]
   * @param {string} [description]
   * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
   */
  version(str, flags, description) {
    if (str === void 0) return this._version;
    this._version = str;
    flags = flags || "-V, --version";
    description = description || "output the version number";
    const versionOption = this.createOption(flags, description);
    this._versionOptionName = versionOption.attributeName();
    this._registerOption(versionOption);
    this.on("option:" + versionOption.name(), () => {
      this._outputConfiguration.writeOut(`${str}
`);
      this._exit(0, "commander.version", str);
    });
    return this;
  }
  /**
   * Set the description.
   *
   * @param {string} [str]
   * @param {object} [argsDescription]
   * @return {(string|Command)}
   */
  description(str, argsDescription) {
    if (str === void 0 && argsDescription === void 0)
      return this._description;
    this._description = str;
    if (argsDescription) {
      this._argsDescription = argsDescription;
    }
    return this;
  }
  /**
   * Set the summary. Used when listed as subcommand of parent.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */
  summary(str) {
    if (str === void 0) return this._summary;
    this._summary = str;
    return this;
  }
  /**
   * Set an alias for the command.
   *
   * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
   *
   * @param {string} [alias]
   * @return {(string|Command)}
   */
  alias(alias) {
    if (alias === void 0) return this._aliases[0];
    let command = this;
    if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
      command = this.commands[this.commands.length - 1];
    }
    if (alias === command._name)
      throw new Error("Command alias can't be the same as its name");
    const matchingCommand = this.parent?._findCommand(alias);
    if (matchingCommand) {
      const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
      throw new Error(
        `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
      );
    }
    command._aliases.push(alias);
    return this;
  }
  /**
   * Set aliases for the command.
   *
   * Only the first alias is shown in the auto-generated help.
   *
   * @param {string[]} [aliases]
   * @return {(string[]|Command)}
   */
  aliases(aliases) {
    if (aliases === void 0) return this._aliases;
    aliases.forEach((alias) => this.alias(alias));
    return this;
  }
  /**
   * Set / get the command usage `str`.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */
  usage(str) {
    if (str === void 0) {
      if (this._usage) return this._usage;
      const args = this.registeredArguments.map((arg) => {
        return humanReadableArgName(arg);
      });
      return [].concat(
        this.options.length || this._helpOption !== null ? "[options]" : [],
        this.commands.length ? "[command]" : [],
        this.registeredArguments.length ? args : []
      ).join(" ");
    }
    this._usage = str;
    return this;
  }
  /**
   * Get or set the name of the command.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */
  name(str) {
    if (str === void 0) return this._name;
    this._name = str;
    return this;
  }
  /**
   * Set/get the help group heading for this subcommand in parent command's help.
   *
   * @param {string} [heading]
   * @return {Command | string}
   */
  helpGroup(heading) {
    if (heading === void 0) return this._helpGroupHeading ?? "";
    this._helpGroupHeading = heading;
    return this;
  }
  /**
   * Set/get the default help group heading for subcommands added to this command.
   * (This does not override a group set directly on the subcommand using .helpGroup().)
   *
   * @example
   * program.commandsGroup('Development Commands:');
   * program.command('watch')...
   * program.command('lint')...
   * ...
   *
   * @param {string} [heading]
   * @returns {Command | string}
   */
  commandsGroup(heading) {
    if (heading === void 0) return this._defaultCommandGroup ?? "";
    this._defaultCommandGroup = heading;
    return this;
  }
  /**
   * Set/get the default help group heading for options added to this command.
   * (This does not override a group set directly on the option using .helpGroup().)
   *
   * @example
   * program
   *   .optionsGroup('Development Options:')
   *   .option('-d, --debug', 'output extra debugging')
   *   .option('-p, --profile', 'output profiling information')
   *
   * @param {string} [heading]
   * @returns {Command | string}
   */
  optionsGroup(heading) {
    if (heading === void 0) return this._defaultOptionGroup ?? "";
    this._defaultOptionGroup = heading;
    return this;
  }
  /**
   * @param {Option} option
   * @private
   */
  _initOptionGroup(option) {
    if (this._defaultOptionGroup && !option.helpGroupHeading)
      option.helpGroup(this._defaultOptionGroup);
  }
  /**
   * @param {Command} cmd
   * @private
   */
  _initCommandGroup(cmd) {
    if (this._defaultCommandGroup && !cmd.helpGroup())
      cmd.helpGroup(this._defaultCommandGroup);
  }
  /**
   * Set the name of the command from script filename, such as process.argv[1],
   * or import.meta.filename.
   *
   * (Used internally and public although not documented in README.)
   *
   * @example
   * program.nameFromFilename(import.meta.filename);
   *
   * @param {string} filename
   * @return {Command}
   */
  nameFromFilename(filename) {
    this._name = import_node_path.default.basename(filename, import_node_path.default.extname(filename));
    return this;
  }
  /**
   * Get or set the directory for searching for executable subcommands of this command.
   *
   * @example
   * program.executableDir(import.meta.dirname);
   * // or
   * program.executableDir('subcommands');
   *
   * @param {string} [path]
   * @return {(string|null|Command)}
   */
  executableDir(path2) {
    if (path2 === void 0) return this._executableDir;
    this._executableDir = path2;
    return this;
  }
  /**
   * Return program help documentation.
   *
   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
   * @return {string}
   */
  helpInformation(contextOptions) {
    const helper = this.createHelp();
    const context = this._getOutputContext(contextOptions);
    helper.prepareContext({
      error: context.error,
      helpWidth: context.helpWidth,
      outputHasColors: context.hasColors
    });
    const text = helper.formatHelp(this, helper);
    if (context.hasColors) return text;
    return this._outputConfiguration.stripColor(text);
  }
  /**
   * @typedef HelpContext
   * @type {object}
   * @property {boolean} error
   * @property {number} helpWidth
   * @property {boolean} hasColors
   * @property {function} write - includes stripColor if needed
   *
   * @returns {HelpContext}
   * @private
   */
  _getOutputContext(contextOptions) {
    contextOptions = contextOptions || {};
    const error = !!contextOptions.error;
    let baseWrite;
    let hasColors;
    let helpWidth;
    if (error) {
      baseWrite = (str) => this._outputConfiguration.writeErr(str);
      hasColors = this._outputConfiguration.getErrHasColors();
      helpWidth = this._outputConfiguration.getErrHelpWidth();
    } else {
      baseWrite = (str) => this._outputConfiguration.writeOut(str);
      hasColors = this._outputConfiguration.getOutHasColors();
      helpWidth = this._outputConfiguration.getOutHelpWidth();
    }
    const write = (str) => {
      if (!hasColors) str = this._outputConfiguration.stripColor(str);
      return baseWrite(str);
    };
    return { error, write, hasColors, helpWidth };
  }
  /**
   * Output help information for this command.
   *
   * Outputs built-in help, and custom text added using `.addHelpText()`.
   *
   * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
   */
  outputHelp(contextOptions) {
    let deprecatedCallback;
    if (typeof contextOptions === "function") {
      deprecatedCallback = contextOptions;
      contextOptions = void 0;
    }
    const outputContext = this._getOutputContext(contextOptions);
    const eventContext = {
      error: outputContext.error,
      write: outputContext.write,
      command: this
    };
    this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
    this.emit("beforeHelp", eventContext);
    let helpInformation = this.helpInformation({ error: outputContext.error });
    if (deprecatedCallback) {
      helpInformation = deprecatedCallback(helpInformation);
      if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
        throw new Error("outputHelp callback must return a string or a Buffer");
      }
    }
    outputContext.write(helpInformation);
    if (this._getHelpOption()?.long) {
      this.emit(this._getHelpOption().long);
    }
    this.emit("afterHelp", eventContext);
    this._getCommandAndAncestors().forEach(
      (command) => command.emit("afterAllHelp", eventContext)
    );
  }
  /**
   * You can pass in flags and a description to customise the built-in help option.
   * Pass in false to disable the built-in help option.
   *
   * @example
   * program.helpOption('-?, --help', 'show help'); // customise
   * program.helpOption(false); // disable
   *
   * @param {(string | boolean)} flags
   * @param {string} [description]
   * @return {Command} `this` command for chaining
   */
  helpOption(flags, description) {
    if (typeof flags === "boolean") {
      if (flags) {
        if (this._helpOption === null) this._helpOption = void 0;
        if (this._defaultOptionGroup) {
          this._initOptionGroup(this._getHelpOption());
        }
      } else {
        this._helpOption = null;
      }
      return this;
    }
    this._helpOption = this.createOption(
      flags ?? "-h, --help",
      description ?? "display help for command"
    );
    if (flags || description) this._initOptionGroup(this._helpOption);
    return this;
  }
  /**
   * Lazy create help option.
   * Returns null if has been disabled with .helpOption(false).
   *
   * @returns {(Option | null)} the help option
   * @package
   */
  _getHelpOption() {
    if (this._helpOption === void 0) {
      this.helpOption(void 0, void 0);
    }
    return this._helpOption;
  }
  /**
   * Supply your own option to use for the built-in help option.
   * This is an alternative to using helpOption() to customise the flags and description etc.
   *
   * @param {Option} option
   * @return {Command} `this` command for chaining
   */
  addHelpOption(option) {
    this._helpOption = option;
    this._initOptionGroup(option);
    return this;
  }
  /**
   * Output help information and exit.
   *
   * Outputs built-in help, and custom text added using `.addHelpText()`.
   *
   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
   */
  help(contextOptions) {
    this.outputHelp(contextOptions);
    let exitCode = Number(import_node_process.default.exitCode ?? 0);
    if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
      exitCode = 1;
    }
    this._exit(exitCode, "commander.help", "(outputHelp)");
  }
  /**
   * // Do a little typing to coordinate emit and listener for the help text events.
   * @typedef HelpTextEventContext
   * @type {object}
   * @property {boolean} error
   * @property {Command} command
   * @property {function} write
   */
  /**
   * Add additional text to be displayed with the built-in help.
   *
   * Position is 'before' or 'after' to affect just this command,
   * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
   *
   * @param {string} position - before or after built-in help
   * @param {(string | Function)} text - string to add, or a function returning a string
   * @return {Command} `this` command for chaining
   */
  addHelpText(position, text) {
    const allowedValues = ["beforeAll", "before", "after", "afterAll"];
    if (!allowedValues.includes(position)) {
      throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
    }
    const helpEvent = `${position}Help`;
    this.on(helpEvent, (context) => {
      let helpStr;
      if (typeof text === "function") {
        helpStr = text({ error: context.error, command: context.command });
      } else {
        helpStr = text;
      }
      if (helpStr) {
        context.write(`${helpStr}
`);
      }
    });
    return this;
  }
  /**
   * Output help information if help flags specified
   *
   * @param {Array} args - array of options to search for help flags
   * @private
   */
  _outputHelpIfRequested(args) {
    const helpOption = this._getHelpOption();
    const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
    if (helpRequested) {
      this.outputHelp();
      this._exit(0, "commander.helpDisplayed", "(outputHelp)");
    }
  }
};
function incrementNodeInspectorPort(args) {
  return args.map((arg) => {
    if (!arg.startsWith("--inspect")) {
      return arg;
    }
    let debugOption;
    let debugHost = "127.0.0.1";
    let debugPort = "9229";
    let match;
    if ((match = arg.match(/^(--inspect(-brk|-wait)?)$/)) !== null) {
      debugOption = match[1];
    } else if ((match = arg.match(
      /^(--inspect(-brk|-port|-wait)?)=(\[[^\]]+\]|[^:]+)$/
    )) !== null) {
      debugOption = match[1];
      if (/^\d+$/.test(match[3])) {
        debugPort = match[3];
      } else {
        debugHost = match[3];
      }
    } else if ((match = arg.match(
      /^(--inspect(-brk|-port|-wait)?)=(\[[^\]]+\]|[^:]+):(\d+)$/
    )) !== null) {
      debugOption = match[1];
      debugHost = match[3];
      debugPort = match[4];
    }
    if (debugOption && debugPort !== "0") {
      return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
    }
    return arg;
  });
}
function useColor() {
  if (import_node_process.default.env.NO_COLOR || import_node_process.default.env.FORCE_COLOR === "0" || import_node_process.default.env.FORCE_COLOR === "false")
    return false;
  if (import_node_process.default.env.FORCE_COLOR || import_node_process.default.env.CLICOLOR_FORCE !== void 0)
    return true;
  return void 0;
}

// node_modules/commander/index.js
var program = new Command();

// src/model/errors.ts
var InputError = class extends Error {
  code;
  file;
  offset;
  constructor(code, file, message, offset) {
    super(`${file}: ${message}${offset === void 0 ? "" : ` (at offset 0x${offset.toString(16)})`}`);
    this.name = "InputError";
    this.code = code;
    this.file = file;
    this.offset = offset;
  }
};
function describeError(err) {
  if (err instanceof Error) return err.message;
  if (typeof err === "string") return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

// src/cli/kallsyms-command.ts
var import_node_fs4 = __toESM(require_node_fs(), 1);

// src/kallsyms/embedded.ts
var import_node_fs3 = __toESM(require_node_fs(), 1);

// src/bytes/reader.ts
var ByteReader = class {
  bytes;
  view;
  le;
  file;
  constructor(bytes2, littleEndian, file) {
    this.bytes = bytes2;
    this.view = new DataView(bytes2.buffer, bytes2.byteOffset, bytes2.byteLength);
    this.le = littleEndian;
    this.file = file;
  }
  get length() {
    return this.bytes.byteLength;
  }
  check(offset, size, what) {
    if (!Number.isSafeInteger(offset) || offset < 0 || size < 0 || offset + size > this.bytes.byteLength) {
      throw new InputError(
        "truncated",
        this.file,
        `${what} needs ${size} bytes but the data ends at 0x${this.bytes.byteLength.toString(16)}`,
        Number.isSafeInteger(offset) ? offset : void 0
      );
    }
  }
  u8(offset, what = "byte") {
    this.check(offset, 1, what);
    return this.bytes[offset];
  }
  u16(offset, what = "u16") {
    this.check(offset, 2, what);
    return this.view.getUint16(offset, this.le);
  }
  u32(offset, what = "u32") {
    this.check(offset, 4, what);
    return this.view.getUint32(offset, this.le);
  }
  i32(offset, what = "i32") {
    this.check(offset, 4, what);
    return this.view.getInt32(offset, this.le);
  }
  u64(offset, what = "u64") {
    this.check(offset, 8, what);
    return this.view.getBigUint64(offset, this.le);
  }
  /** A u64 that must fit a JavaScript number (sizes, file offsets). */
  u64n(offset, what = "u64") {
    this.check(offset, 8, what);
    const lo = this.view.getUint32(offset + (this.le ? 0 : 4), this.le);
    const hi = this.view.getUint32(offset + (this.le ? 4 : 0), this.le);
    if (hi > 2097151) {
      const v = this.view.getBigUint64(offset, this.le);
      throw new InputError("bad-value", this.file, `${what} is 0x${v.toString(16)}, larger than any file`, offset);
    }
    return hi * 4294967296 + lo;
  }
  /** A word of the file's class: u32 for ELF32, u64 for ELF64. */
  word(offset, is64, what = "word") {
    return is64 ? this.u64(offset, what) : BigInt(this.u32(offset, what));
  }
  wordn(offset, is64, what = "word") {
    return is64 ? this.u64n(offset, what) : this.u32(offset, what);
  }
  slice(offset, size, what = "data") {
    this.check(offset, size, what);
    return this.bytes.subarray(offset, offset + size);
  }
};
var latin1 = new TextDecoder("latin1");
var utf8 = new TextDecoder("utf-8");
function cString(bytes2, offset) {
  if (offset < 0 || offset >= bytes2.length) return void 0;
  const end = bytes2.indexOf(0, offset);
  if (end < 0) return void 0;
  return decodeAscii(bytes2, offset, end);
}
function decodeAscii(bytes2, start, end) {
  if (end - start < 64) {
    let s = "";
    for (let i = start; i < end; i++) {
      const c = bytes2[i];
      if (c >= 128) return utf8.decode(bytes2.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  const sub = bytes2.subarray(start, end);
  for (let i = 0; i < sub.length; i++) if (sub[i] >= 128) return utf8.decode(sub);
  return latin1.decode(sub);
}

// src/bytes/source.ts
var import_node_fs2 = __toESM(require_node_fs(), 1);

// src/load/limits.ts
var LIMITS = {
  /** Largest module file (compressed or not) we read. */
  maxModuleBytes: 256 * 1024 * 1024,
  /**
   * Largest size a compressed module may expand to (a bomb beyond this is refused): the same as
   * an uncompressed module may have. Node's gunzip and zstd collect chunks and then join them,
   * so decompressing takes twice this at the peak; at 512 MiB a fuzzed gzip went over the
   * 1,536 MiB memory cap of FUZZING.md.
   */
  maxDecompressedBytes: 256 * 1024 * 1024,
  /**
   * Objects and arrays in one JSON file read back (snapshots, reports): parsed, each takes some
   * 60 bytes, so 55 MB of nested `[[0]]` (27 million arrays, a fuzz input) took 1.6 GiB and
   * 4.5 s in JSON.parse alone. A Debian 6.12 report holds 160,000, its snapshot 44,000.
   */
  maxJsonContainers: 2e6,
  /** Nesting depth of such JSON (reports nest 10 deep, snapshots 6). */
  maxJsonDepth: 64,
  /** Largest kernel a boot image (bzImage, Image.gz, zboot) may unpack to: one file, not thousands. */
  maxKernelImageBytes: 512 * 1024 * 1024,
  /**
   * Largest text artifact (System.map, Module.symvers, symbol lists, .config). A parsed System.map
   * takes about five times its size (a 128 MiB map, 3.1 million lines, holds ~660 MiB) and the
   * kallsyms check reads several; Debian's 6.12 System.map is 7 MB, allyesconfig's some 40 MB.
   */
  maxTextBytes: 128 * 1024 * 1024,
  /**
   * Largest range read from a file at once: a section of vmlinux (the biggest one read, .rodata
   * or .symtab, is tens of MiB; .debug_info is never read whole), a raw BTF file, a boot image.
   * A sparse file with a section header claiming gigabytes is refused instead of allocated.
   */
  maxReadBytes: 512 * 1024 * 1024,
  /**
   * Wall-clock limit for one module in a worker: reading, decompressing, every analyzer. The
   * slowest real module (Debian 6.12's largest, BTF checked against vmlinux) takes about a
   * second; a module still busy after this is stopped and reported.
   */
  maxModuleMillis: 3e5,
  /** Largest number of modules in one build. */
  maxModules: 1e5
};

// src/bytes/source.ts
function checkRange(src, offset, length, what) {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new InputError("bad-value", src.file, `${what}: invalid range`);
  }
  if (offset + length > src.size) {
    throw new InputError(
      "truncated",
      src.file,
      `${what} (0x${length.toString(16)} bytes) runs past the end of the file (0x${src.size.toString(16)} bytes)`,
      offset
    );
  }
}
var BufferSource = class {
  file;
  bytes;
  constructor(bytes2, file) {
    this.bytes = bytes2;
    this.file = file;
  }
  get size() {
    return this.bytes.byteLength;
  }
  read(offset, length, what) {
    checkRange(this, offset, length, what);
    return this.bytes.subarray(offset, offset + length);
  }
  close() {
  }
};
var FileSource = class {
  file;
  length;
  fd;
  arena;
  /** With an arena, what read() returns is valid only while the arena is held. */
  constructor(path2, file = path2, arena2) {
    this.file = file;
    this.arena = arena2;
    try {
      this.fd = (0, import_node_fs2.openSync)(path2, "r");
    } catch (err) {
      throw new InputError("io", file, `cannot open: ${err.code ?? String(err)}`);
    }
    const st = (0, import_node_fs2.fstatSync)(this.fd);
    if (!st.isFile()) {
      (0, import_node_fs2.closeSync)(this.fd);
      throw new InputError("not-a-file", file, st.isDirectory() ? "is a directory, expected a file" : "is not a regular file");
    }
    this.length = st.size;
  }
  get size() {
    return this.length;
  }
  /** Reads stop at `size` from now on (a module's signature trailer is not part of its ELF). */
  limit(size) {
    this.length = Math.min(this.length, Math.max(0, size));
  }
  read(offset, length, what) {
    checkRange(this, offset, length, what);
    if (length > LIMITS.maxReadBytes) {
      throw new InputError("too-large", this.file, `${what}: ${length} bytes is more than the ${LIMITS.maxReadBytes}-byte read limit`, offset);
    }
    const buf = this.arena ? this.arena.take(length) : Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = (0, import_node_fs2.readSync)(this.fd, buf, done, length - done, offset + done);
      if (n === 0) throw new InputError("truncated", this.file, `${what}: file shrank while reading`, offset + done);
      done += n;
    }
    return buf;
  }
  close() {
    if (this.fd >= 0) (0, import_node_fs2.closeSync)(this.fd);
    this.fd = -1;
  }
};

// src/elf/constants.ts
var SHT_SYMTAB = 2;
var SHT_RELA = 4;
var SHT_NOTE = 7;
var SHT_NOBITS = 8;
var SHT_REL = 9;
var SHT_SYMTAB_SHNDX = 18;
var SHF_WRITE = 1;
var SHF_ALLOC = 2;
var SHF_EXECINSTR = 4;
var SHN_UNDEF = 0;
var SHN_LORESERVE = 65280;
var SHN_ABS = 65521;
var SHN_COMMON = 65522;
var SHN_XINDEX = 65535;
var STB_LOCAL = 0;
var STB_GLOBAL = 1;
var STB_WEAK = 2;
var STB_GNU_UNIQUE = 10;
var STT_OBJECT = 1;
var STT_SECTION = 3;
var STT_FILE = 4;
var STT_COMMON = 5;
var STT_GNU_IFUNC = 10;
var ET_REL = 1;
var EM_386 = 3;
var EM_MIPS = 8;
var EM_PPC = 20;
var EM_PPC64 = 21;
var EM_S390 = 22;
var EM_ARM = 40;
var EM_X86_64 = 62;
var EM_AARCH64 = 183;
var EM_RISCV = 243;
var EM_LOONGARCH = 258;
var MACHINE_NAMES = {
  [EM_386]: "x86",
  [EM_MIPS]: "mips",
  [EM_PPC]: "powerpc",
  [EM_PPC64]: "powerpc",
  [EM_S390]: "s390",
  [EM_ARM]: "arm",
  [EM_X86_64]: "x86_64",
  [EM_AARCH64]: "arm64",
  [EM_RISCV]: "riscv",
  [EM_LOONGARCH]: "loongarch"
};

// src/elf/elf.ts
var MAX_SECTIONS = 1 << 20;
var MAX_SYMBOLS = 1 << 21;
var ElfFile = class _ElfFile {
  source;
  file;
  is64;
  littleEndian;
  type;
  machine;
  entry;
  sections;
  byName;
  symbolTables = /* @__PURE__ */ new Map();
  constructor(source, init) {
    this.source = source;
    this.file = source.file;
    this.is64 = init.is64;
    this.littleEndian = init.littleEndian;
    this.type = init.type;
    this.machine = init.machine;
    this.entry = init.entry;
    this.sections = init.sections;
  }
  static fromBytes(bytes2, file) {
    return _ElfFile.open(new BufferSource(bytes2, file));
  }
  /** Reads the headers of `source`; on failure the source is closed (no file left open). */
  static open(source) {
    try {
      return _ElfFile.read(source);
    } catch (err) {
      source.close();
      throw err;
    }
  }
  static read(source) {
    const file = source.file;
    if (source.size < 16) {
      throw new InputError("truncated", file, `not an ELF file: only ${source.size} bytes`);
    }
    const ident = source.read(0, 16, "ELF identification");
    if (ident[0] !== 127 || ident[1] !== 69 || ident[2] !== 76 || ident[3] !== 70) {
      throw new InputError("bad-magic", file, "not an ELF file (bad magic)", 0);
    }
    const cls = ident[4];
    const data = ident[5];
    if (cls !== 1 && cls !== 2) throw new InputError("bad-value", file, `unknown ELF class ${cls}`, 4);
    if (data !== 1 && data !== 2) throw new InputError("bad-value", file, `unknown ELF data encoding ${data}`, 5);
    const is64 = cls === 2;
    const le = data === 1;
    const ehsize = is64 ? 64 : 52;
    const eh = new ByteReader(source.read(0, Math.min(ehsize, source.size), "ELF header"), le, file);
    eh.check(0, ehsize, "ELF header");
    const type = eh.u16(16);
    const machine = eh.u16(18);
    const entry = eh.word(24, is64);
    const shoff = is64 ? eh.u64n(40, "e_shoff") : eh.u32(32, "e_shoff");
    const shentsize = eh.u16(is64 ? 58 : 46);
    let shnum = eh.u16(is64 ? 60 : 48);
    let shstrndx = eh.u16(is64 ? 62 : 50);
    const sections = [];
    if (shoff !== 0) {
      const minEnt = is64 ? 64 : 40;
      if (shentsize < minEnt) {
        throw new InputError("bad-value", file, `section header size ${shentsize} is below ${minEnt}`, is64 ? 58 : 46);
      }
      const first = new ByteReader(source.read(shoff, shentsize, "section header 0"), le, file);
      if (shnum === 0) shnum = first.wordn(is64 ? 32 : 20, is64, "extended section count");
      if (shstrndx === SHN_XINDEX) shstrndx = first.u32(is64 ? 40 : 24, "extended string table index");
      if (shnum > MAX_SECTIONS) {
        throw new InputError("too-large", file, `${shnum} section headers is more than the ${MAX_SECTIONS} accepted`);
      }
      const tableSize = shnum * shentsize;
      const table = new ByteReader(source.read(shoff, tableSize, `section header table (${shnum} entries)`), le, file);
      const raw = [];
      for (let i = 0; i < shnum; i++) {
        const o = i * shentsize;
        const secType = table.u32(o + 4);
        const s = {
          index: i,
          nameOff: table.u32(o),
          type: secType,
          flags: Number(table.word(o + 8, is64) & 0xffffffffn),
          addr: table.word(o + (is64 ? 16 : 12), is64),
          offset: table.wordn(o + (is64 ? 24 : 16), is64, "sh_offset"),
          size: table.wordn(o + (is64 ? 32 : 20), is64, "sh_size"),
          link: table.u32(o + (is64 ? 40 : 24)),
          info: table.u32(o + (is64 ? 44 : 28)),
          addralign: table.wordn(o + (is64 ? 48 : 32), is64, "sh_addralign"),
          entsize: table.wordn(o + (is64 ? 56 : 36), is64, "sh_entsize")
        };
        if (i > 0 && secType !== SHT_NOBITS && s.offset + s.size > source.size) {
          throw new InputError(
            "truncated",
            file,
            `section ${i} (offset 0x${s.offset.toString(16)}, size 0x${s.size.toString(16)}) runs past the end of the file (0x${source.size.toString(16)} bytes)`,
            shoff + o
          );
        }
        raw.push(s);
      }
      let names2;
      if (shstrndx !== SHN_UNDEF) {
        const strSec = raw[shstrndx];
        if (!strSec) throw new InputError("bad-value", file, `section name table index ${shstrndx} is out of range (${shnum} sections)`);
        names2 = source.read(strSec.offset, strSec.size, "section name table");
      }
      for (const { nameOff, ...s } of raw) {
        let name = "";
        if (names2 && nameOff !== 0) {
          const n = cString(names2, nameOff);
          if (n === void 0) throw new InputError("bad-value", file, `section ${s.index}: name offset ${nameOff} is outside the name table`);
          name = n;
        }
        sections.push({ ...s, name });
      }
    }
    return new _ElfFile(source, { is64, littleEndian: le, type, machine, entry, sections });
  }
  section(name) {
    if (!this.byName) {
      this.byName = /* @__PURE__ */ new Map();
      for (const s of this.sections) if (!this.byName.has(s.name)) this.byName.set(s.name, s);
    }
    return this.byName.get(name);
  }
  /** The bytes of a section; empty for NOBITS. */
  data(sec) {
    if (sec.type === SHT_NOBITS || sec.size === 0) return new Uint8Array(0);
    return this.source.read(sec.offset, sec.size, `section ${sec.name || sec.index}`);
  }
  reader(sec) {
    return new ByteReader(this.data(sec), this.littleEndian, this.file);
  }
  /**
   * The checked raw form of a symbol table: its entries, its string table and a resolver for
   * SHN_XINDEX. For hot loops that read fields straight from the bytes (the nm listing);
   * symbols() builds objects over the same view.
   */
  symbolTable(sec = this.sections.find((s) => s.type === SHT_SYMTAB)) {
    if (!sec) return void 0;
    const cached = this.symbolTables.get(sec);
    if (cached) return cached;
    const table = this.readSymbolTable(sec);
    this.symbolTables.set(sec, table);
    return table;
  }
  readSymbolTable(sec) {
    const entsize = this.is64 ? 24 : 16;
    if (sec.entsize !== 0 && sec.entsize !== entsize) {
      throw new InputError("bad-value", this.file, `${sec.name}: symbol entry size ${sec.entsize}, expected ${entsize}`);
    }
    const count2 = Math.floor(sec.size / entsize);
    if (count2 > MAX_SYMBOLS) throw new InputError("too-large", this.file, `${sec.name}: ${count2} symbols is more than accepted`);
    const strSec = this.sections[sec.link];
    if (!strSec) throw new InputError("bad-value", this.file, `${sec.name}: string table index ${sec.link} is out of range`);
    const strings = this.data(strSec);
    const entries = this.reader(sec);
    let xindex;
    const extendedIndex = (i) => {
      if (!xindex) {
        const x = this.sections.find((s) => s.type === SHT_SYMTAB_SHNDX && s.link === sec.index);
        if (!x) throw new InputError("bad-value", this.file, `symbol ${i} uses SHN_XINDEX but there is no .symtab_shndx`);
        xindex = this.reader(x);
      }
      return xindex.u32(i * 4, `extended section index of symbol ${i}`);
    };
    const name = (i, nameOff) => {
      if (nameOff === 0) return "";
      const n = cString(strings, nameOff);
      if (n === void 0) {
        throw new InputError("bad-value", this.file, `symbol ${i}: name offset ${nameOff} is outside ${strSec.name || "its string table"}`);
      }
      return n;
    };
    return { section: sec, count: count2, entsize, entries, strings, stringSection: strSec, extendedIndex, name };
  }
  /** The symbols of the symbol table (.symtab by default), index 0 included. */
  symbols(sec) {
    const table = this.symbolTable(sec);
    if (!table) return [];
    const out = new Array(table.count);
    for (let i = 0; i < table.count; i++) out[i] = this.symbolAt(table, i, table.entries.u32(i * table.entsize));
    return out;
  }
  /**
   * The symbols named one of `names`, in table order, without an object per other symbol (a
   * vmlinux has 200,000; a few linker labels are wanted). Name offsets are checked as symbols() does.
   */
  symbolsNamed(names2, sec) {
    const table = this.symbolTable(sec);
    if (!table) return [];
    const byFirst = Array.from({ length: 256 }, () => []);
    for (const n of names2) {
      const w = new Uint8Array(Buffer.from(n, "utf8"));
      if (w.length) byFirst[w[0]].push(w);
    }
    const { count: count2, entsize, entries, strings } = table;
    const end = strings.length;
    const out = [];
    for (let i = 1; i < count2; i++) {
      const nameOff = entries.u32(i * entsize);
      if (nameOff === 0) continue;
      if (nameOff >= end) table.name(i, nameOff);
      const candidates = byFirst[strings[nameOff]];
      for (let c = 0; c < candidates.length; c++) {
        const w = candidates[c];
        const len = w.length;
        if (nameOff + len >= end || strings[nameOff + len] !== 0) continue;
        let k = 1;
        while (k < len && strings[nameOff + k] === w[k]) k++;
        if (k === len) {
          out.push(this.symbolAt(table, i, nameOff));
          break;
        }
      }
    }
    return out;
  }
  symbolAt(table, i, nameOff) {
    const r = table.entries;
    const o = i * table.entsize;
    let value, size, info, other, shndx;
    if (this.is64) {
      info = r.u8(o + 4);
      other = r.u8(o + 5);
      shndx = r.u16(o + 6);
      value = r.u64(o + 8);
      size = r.u64n(o + 16, "st_size");
    } else {
      value = BigInt(r.u32(o + 4));
      size = r.u32(o + 8);
      info = r.u8(o + 12);
      other = r.u8(o + 13);
      shndx = r.u16(o + 14);
    }
    const reserved = shndx >= SHN_LORESERVE && shndx !== SHN_XINDEX;
    if (shndx === SHN_XINDEX) shndx = table.extendedIndex(i);
    return { index: i, name: table.name(i, nameOff), value, size, bind: info >> 4, type: info & 15, other, shndx, reserved };
  }
  /** The section a symbol is defined in, or undefined for undefined/absolute/common/reserved. */
  symbolSection(sym) {
    if (sym.reserved || sym.shndx === SHN_UNDEF) return void 0;
    return this.sections[sym.shndx];
  }
  /** Relocations of a SHT_REL or SHT_RELA section. */
  relocations(sec) {
    const rela = sec.type === SHT_RELA;
    if (!rela && sec.type !== SHT_REL) throw new InputError("bad-value", this.file, `${sec.name} is not a relocation section`);
    const entsize = this.is64 ? rela ? 24 : 16 : rela ? 12 : 8;
    const r = this.reader(sec);
    const count2 = Math.floor(sec.size / entsize);
    const out = new Array(count2);
    for (let i = 0; i < count2; i++) {
      const o = i * entsize;
      if (this.is64) {
        const info = r.u64(o + 8);
        out[i] = {
          offset: r.u64(o),
          type: Number(info & 0xffffffffn),
          symbol: Number(info >> 32n),
          addend: rela ? BigInt.asIntN(64, r.u64(o + 16)) : 0n
        };
      } else {
        const info = r.u32(o + 4);
        out[i] = {
          offset: BigInt(r.u32(o)),
          type: info & 255,
          symbol: info >>> 8,
          addend: rela ? BigInt(r.i32(o + 8)) : 0n
        };
      }
    }
    return out;
  }
  /** Notes of a SHT_NOTE section (4-byte aligned name and descriptor). */
  notes(sec) {
    if (sec.type !== SHT_NOTE) return [];
    const r = this.reader(sec);
    const out = [];
    let o = 0;
    while (o + 12 <= r.length) {
      const namesz = r.u32(o);
      const descsz = r.u32(o + 4);
      const type = r.u32(o + 8);
      const nameStart = o + 12;
      const descStart = nameStart + align4(namesz);
      const bytes2 = r.slice(nameStart, namesz, "note name");
      const desc = r.slice(descStart, descsz, "note descriptor");
      const nul = bytes2.indexOf(0);
      out.push({ name: Buffer.from(bytes2.subarray(0, nul < 0 ? bytes2.length : nul)).toString("latin1"), type, desc });
      o = descStart + align4(descsz);
    }
    return out;
  }
  /** The GNU build-id as lowercase hex, when the file has one. */
  buildId() {
    for (const sec of this.sections) {
      if (sec.type !== SHT_NOTE) continue;
      for (const n of this.notes(sec)) if (n.name === "GNU" && n.type === 3) return Buffer.from(n.desc).toString("hex");
    }
    return void 0;
  }
  close() {
    this.source.close();
  }
};
function align4(n) {
  return n + 3 & ~3;
}

// src/kallsyms/boot-image.ts
var import_node_util4 = __toESM(require_node_util(), 1);
var import_node_zlib3 = __toESM(require_node_zlib(), 1);

// src/load/decompress.ts
var import_node_util3 = __toESM(require_node_util(), 1);
var import_node_zlib = __toESM(require_node_zlib(), 1);

// src/bytes/zlib-chunk.ts
var MIN_CHUNK = 64 * 1024;
function oneChunkSize(declared, limit) {
  return Math.max(MIN_CHUNK, Math.min(limit, declared + 1));
}
function gunzipChunkSize(bytes2, limit) {
  const n = bytes2.length;
  if (n < 18) return MIN_CHUNK;
  return oneChunkSize(
    (bytes2[n - 4] | bytes2[n - 3] << 8 | bytes2[n - 2] << 16 | bytes2[n - 1] << 24) >>> 0,
    limit
  );
}

// src/load/xz-index.ts
function xzUncompressedSize(bytes2, file) {
  let end = bytes2.length;
  let total = 0;
  let streams = 0;
  while (end > 0) {
    while (end >= 4 && bytes2[end - 1] === 0 && bytes2[end - 2] === 0 && bytes2[end - 3] === 0 && bytes2[end - 4] === 0) end -= 4;
    if (end === 0) break;
    if (end < 24) throw new InputError("truncated", file, "xz stream too short for header and footer");
    const footer = end - 12;
    if (bytes2[footer + 10] !== 89 || bytes2[footer + 11] !== 90) throw new InputError("bad-magic", file, "no xz stream footer magic", footer + 10);
    const dv = new DataView(bytes2.buffer, bytes2.byteOffset, bytes2.byteLength);
    const indexSize = (dv.getUint32(footer + 4, true) + 1) * 4;
    const indexStart = footer - indexSize;
    if (indexStart < 12) throw new InputError("bad-value", file, `xz index size ${indexSize} does not fit the stream`, footer + 4);
    let o = indexStart;
    if (bytes2[o++] !== 0) throw new InputError("bad-value", file, "xz index indicator is not 0", indexStart);
    const varint = () => {
      let v = 0;
      for (let shift = 0; shift < 63; shift += 7) {
        if (o >= footer) throw new InputError("truncated", file, "xz index ends inside a number", o);
        const b = bytes2[o++];
        v += (b & 127) * 2 ** shift;
        if ((b & 128) === 0) return v;
      }
      throw new InputError("bad-value", file, "xz index number too long", o);
    };
    const records = varint();
    let streamBytes = 0;
    let unpaddedTotal = 0;
    for (let i = 0; i < records; i++) {
      unpaddedTotal += Math.ceil(varint() / 4) * 4;
      streamBytes += varint();
    }
    total += streamBytes;
    if (!Number.isSafeInteger(total)) throw new InputError("bad-value", file, "xz uncompressed size overflows");
    streams++;
    end = indexStart - unpaddedTotal - 12;
    if (end < 0) throw new InputError("bad-value", file, "xz blocks do not fit the stream");
  }
  if (streams === 0) throw new InputError("truncated", file, "no xz stream");
  return total;
}

// src/load/decompress.ts
var gunzipAsync = (0, import_node_util3.promisify)(import_node_zlib.gunzip);
var zstdAsync = (0, import_node_util3.promisify)(import_node_zlib.zstdDecompress);
function compressionOf(path2) {
  if (path2.endsWith(".xz")) return "xz";
  if (path2.endsWith(".zst")) return "zstd";
  if (path2.endsWith(".gz")) return "gzip";
  return "none";
}
async function decompress(bytes2, kind, file, maxBytes = LIMITS.maxDecompressedBytes) {
  try {
    switch (kind) {
      case "none":
        return bytes2;
      // The callback forms, not gunzipSync/zstdDecompressSync: Node 24's sync forms leave their
      // stream open when the data is corrupt (16 KiB and the native state kept per call: 1.3 GB
      // after 20,000 corrupt gzips; a fuzz run's memory grew this way). Default 16 KiB pieces
      // for zstd: Node goes on to a next frame only when a piece is full at the end of one (as
      // the kernel's module_zstd_decompress does with pages), so a frame-sized piece would
      // silently stop a multi-frame stream after its first frame.
      case "gzip":
        return await gunzipAsync(bytes2, { maxOutputLength: maxBytes, chunkSize: gunzipChunkSize(bytes2, maxBytes) });
      case "zstd":
        return await zstdAsync(bytes2, { maxOutputLength: maxBytes });
      case "xz":
        return await xzDecompress(bytes2, file, maxBytes);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const e = err;
    if (e.code === "ERR_BUFFER_TOO_LARGE" || /maxOutputLength|buffer.*too large/i.test(e.message ?? "")) {
      throw new InputError("too-large", file, `${kind} data expands beyond the ${maxBytes}-byte limit`);
    }
    throw new InputError("bad-value", file, `corrupt ${kind} data: ${e.message ?? String(err)}`);
  }
}
async function xzDecompress(bytes2, file, maxBytes) {
  if (bytes2.length < 6 || bytes2[0] !== 253 || bytes2[1] !== 55 || bytes2[2] !== 122 || bytes2[3] !== 88) {
    throw new InputError("bad-magic", file, "not xz data (bad magic)", 0);
  }
  let declared;
  try {
    declared = xzUncompressedSize(bytes2, file);
  } catch {
    declared = void 0;
  }
  if (declared !== void 0 && declared > maxBytes) {
    throw new InputError("too-large", file, `xz data expands beyond the ${maxBytes}-byte limit (its index declares ${declared} bytes)`);
  }
  const input = new ReadableStream({
    start(controller) {
      controller.enqueue(bytes2);
      controller.close();
    }
  });
  const { default: xz } = await Promise.resolve().then(() => __toESM(require_xz_decompress(), 1));
  const reader = new xz.XzReadableStream(input).getReader();
  const whole = declared !== void 0 ? new Uint8Array(declared) : null;
  const chunks = [];
  let total = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > maxBytes) {
      await reader.cancel();
      throw new InputError("too-large", file, `xz data expands beyond the ${maxBytes}-byte limit`);
    }
    if (declared !== void 0 && total + value.byteLength > declared) {
      await reader.cancel();
      throw new InputError("bad-value", file, `corrupt xz data: expands beyond the ${declared} bytes its index declares`);
    }
    if (whole) whole.set(value, total);
    else chunks.push(value);
    total += value.byteLength;
  }
  if (whole) return total === declared ? whole : whole.slice(0, total);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.byteLength;
  }
  return out;
}

// src/kallsyms/lz4-legacy.ts
var LZ4_LEGACY_MAGIC = 407642370;
var BLOCK_MAX = 8 << 20;
function u32At(b, at) {
  return (b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24) >>> 0;
}
function decodeLz4Legacy(input, file, maxBytes) {
  if (input.length < 4 || u32At(input, 0) !== LZ4_LEGACY_MAGIC) throw new InputError("bad-magic", file, "not an lz4 legacy stream", 0);
  let out = new Uint8Array(Math.min(maxBytes, Math.max(BLOCK_MAX, input.length * 3)));
  let op = 0;
  let ip = 4;
  while (ip + 4 <= input.length) {
    const size = u32At(input, ip);
    if (size === LZ4_LEGACY_MAGIC) {
      ip += 4;
      continue;
    }
    if (size === 0 || size > input.length - ip - 4 || size > BLOCK_MAX + (BLOCK_MAX >>> 8) + 16) break;
    ip += 4;
    if (op + BLOCK_MAX > out.length && out.length < maxBytes) {
      const bigger = new Uint8Array(Math.min(maxBytes, Math.max(out.length * 2, op + BLOCK_MAX)));
      bigger.set(out.subarray(0, op));
      out = bigger;
    }
    op = decodeBlock(input, ip, ip + size, out, op, Math.min(out.length, op + BLOCK_MAX), file);
    ip += size;
  }
  return out.subarray(0, op);
}
function decodeBlock(src, ip, end, out, op, outEnd, file) {
  const blockStart = op;
  const overflow = (at) => outEnd - blockStart < BLOCK_MAX ? new InputError("too-large", file, `lz4 data expands beyond the ${outEnd}-byte limit`, at) : new InputError("bad-value", file, "lz4: block expands beyond 8 MiB", at);
  while (ip < end) {
    const token = src[ip++];
    let lit = token >>> 4;
    if (lit === 15) {
      for (; ; ) {
        if (ip >= end) throw new InputError("truncated", file, "lz4: literal length runs past the block", ip);
        const c = src[ip++];
        lit += c;
        if (c !== 255) break;
      }
    }
    if (ip + lit > end) throw new InputError("truncated", file, "lz4: literals run past the block", ip);
    if (op + lit > outEnd) throw overflow(ip);
    out.set(src.subarray(ip, ip + lit), op);
    ip += lit;
    op += lit;
    if (ip >= end) break;
    if (ip + 2 > end) throw new InputError("truncated", file, "lz4: match offset runs past the block", ip);
    const offset = src[ip] | src[ip + 1] << 8;
    ip += 2;
    if (offset === 0 || offset > op - blockStart) throw new InputError("bad-value", file, `lz4: match offset ${offset} points before the block`, ip - 2);
    let len = (token & 15) + 4;
    if ((token & 15) === 15) {
      for (; ; ) {
        if (ip >= end) throw new InputError("truncated", file, "lz4: match length runs past the block", ip);
        const c = src[ip++];
        len += c;
        if (c !== 255) break;
      }
    }
    if (op + len > outEnd) throw overflow(ip);
    let from = op - offset;
    if (offset >= len) {
      out.copyWithin(op, from, from + len);
      op += len;
    } else {
      for (let i = 0; i < len; i++) out[op++] = out[from++];
    }
  }
  return op;
}

// src/kallsyms/xz-bcj.ts
var import_node_zlib2 = __toESM(require_node_zlib(), 1);
var HEADER_MAGIC = [253, 55, 122, 88, 90, 0];
var FILTER_X86 = 4;
var FILTER_LZMA2 = 33;
var CHECK_SIZES = [0, 4, 4, 4, 8, 8, 8, 16, 16, 16, 32, 32, 32, 64, 64, 64];
function vli(b, at, end, file) {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    if (at + i >= end) throw new InputError("truncated", file, "xz: integer runs past its field", at);
    const c = b[at + i];
    value += (c & 127) * 2 ** (7 * i);
    if (!(c & 128)) {
      if (!Number.isSafeInteger(value)) throw new InputError("bad-value", file, "xz: integer too large", at);
      return { value, next: at + i + 1 };
    }
  }
  throw new InputError("bad-value", file, "xz: integer longer than 9 bytes", at);
}
function putVli(out, v) {
  while (v >= 128) {
    out.push(v % 128 | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
}
function le32(n) {
  return [n & 255, n >>> 8 & 255, n >>> 16 & 255, n >>> 24 & 255];
}
function u32At2(b, at) {
  return (b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24) >>> 0;
}
function rewriteXzForLzma2(input, file) {
  let b = input;
  if (b.length < 24 || HEADER_MAGIC.some((m, i) => b[i] !== m)) throw new InputError("bad-magic", file, "not xz data (bad magic)", 0);
  if (!(b[b.length - 2] === 89 && b[b.length - 1] === 90) && b[b.length - 6] === 89 && b[b.length - 5] === 90) b = b.subarray(0, b.length - 4);
  while (b.length >= 4 && u32At2(b, b.length - 4) === 0 && !(b[b.length - 2] === 89 && b[b.length - 1] === 90)) b = b.subarray(0, b.length - 4);
  const checkId = b[7] & 15;
  const checkSize = CHECK_SIZES[checkId];
  const footer = b.length - 12;
  if (footer < 12 || b[footer + 10] !== 89 || b[footer + 11] !== 90) throw new InputError("bad-value", file, "xz: no stream footer at the end", footer);
  const indexSize = (u32At2(b, footer + 4) + 1) * 4;
  const indexStart = footer - indexSize;
  if (indexStart < 12 || b[indexStart] !== 0) throw new InputError("bad-value", file, "xz: index not where the footer says", indexStart);
  let at = indexStart + 1;
  const count2 = vli(b, at, footer, file);
  at = count2.next;
  const records = [];
  for (let i = 0; i < count2.value; i++) {
    const u = vli(b, at, footer, file);
    const c = vli(b, u.next, footer, file);
    records.push({ unpadded: u.value, uncompressed: c.value });
    at = c.next;
  }
  const blocks = [];
  let pos = 12;
  for (const rec of records) {
    if (pos >= indexStart) throw new InputError("bad-value", file, "xz: blocks run into the index", pos);
    const headerSize = (b[pos] + 1) * 4;
    const flags = b[pos + 1];
    let p = pos + 2;
    if (flags & 64) p = vli(b, p, pos + headerSize, file).next;
    if (flags & 128) p = vli(b, p, pos + headerSize, file).next;
    const filters = [];
    for (let f = 0; f <= (flags & 3); f++) {
      const id = vli(b, p, pos + headerSize, file);
      const size = vli(b, id.next, pos + headerSize, file);
      filters.push({ id: id.value, props: b.subarray(size.next, size.next + size.value) });
      p = size.next + size.value;
    }
    blocks.push({ headerStart: pos, headerSize, unpaddedSize: rec.unpadded, uncompressedSize: rec.uncompressed, filters });
    pos += Math.ceil(rec.unpadded / 4) * 4;
  }
  const usesX86 = blocks.some((bl) => bl.filters.some((f) => f.id === FILTER_X86));
  const unsupported = blocks.flatMap((bl) => bl.filters).find((f) => f.id !== FILTER_X86 && f.id !== FILTER_LZMA2);
  if (unsupported) throw new InputError("unsupported", file, `xz filter 0x${unsupported.id.toString(16)} is not supported (only x86 BCJ and LZMA2)`);
  const blockSizes = blocks.map((bl) => bl.uncompressedSize);
  if (blocks.some((bl) => bl.filters.some((f) => f.id === FILTER_X86 && f.props.length > 0 && u32At2(f.props, 0) !== 0))) {
    throw new InputError("unsupported", file, "xz x86 BCJ filter with a start offset");
  }
  const out = [];
  const chunks = [];
  const flush = () => {
    chunks.push(Uint8Array.from(out));
    out.length = 0;
  };
  out.push(...HEADER_MAGIC, 0, 0, ...le32((0, import_node_zlib2.crc32)(Uint8Array.of(0, 0))));
  const newRecords = [];
  for (const bl of blocks) {
    const compressedSize = bl.unpaddedSize - bl.headerSize - checkSize;
    const lzma = bl.filters.filter((f) => f.id !== FILTER_X86).map((f) => f.id === FILTER_LZMA2 ? { id: f.id, props: clampDictionary(f.props, bl.uncompressedSize) } : f);
    const h = [0, lzma.length - 1];
    for (const f of lzma) {
      putVli(h, f.id);
      putVli(h, f.props.length);
      h.push(...f.props);
    }
    while ((h.length + 4) % 4 !== 0) h.push(0);
    h[0] = (h.length + 4) / 4 - 1;
    const header = [...h, ...le32((0, import_node_zlib2.crc32)(Uint8Array.from(h)))];
    out.push(...header);
    flush();
    const dataStart = bl.headerStart + bl.headerSize;
    chunks.push(b.subarray(dataStart, dataStart + compressedSize));
    for (let i = 0; i < (4 - compressedSize % 4) % 4; i++) out.push(0);
    newRecords.push({ unpadded: header.length + compressedSize, uncompressed: bl.uncompressedSize });
  }
  const index = [0];
  putVli(index, newRecords.length);
  for (const r of newRecords) {
    putVli(index, r.unpadded);
    putVli(index, r.uncompressed);
  }
  while (index.length % 4 !== 0) index.push(0);
  index.push(...le32((0, import_node_zlib2.crc32)(Uint8Array.from(index))));
  out.push(...index);
  const footerBody = [...le32(index.length / 4 - 1), 0, 0];
  out.push(...le32((0, import_node_zlib2.crc32)(Uint8Array.from(footerBody))), ...footerBody, 89, 90);
  flush();
  return { stream: Buffer.concat(chunks), x86: usesX86, blockSizes };
}
function clampDictionary(props, blockSize) {
  if (props.length !== 1 || props[0] > 40) return props;
  const sizeOf = (p2) => (2 | p2 & 1) * 2 ** (Math.floor(p2 / 2) + 11);
  let p = 0;
  while (p < props[0] && sizeOf(p) < blockSize) p++;
  return Uint8Array.of(p);
}
function undoX86BcjBlocks(buf, blockSizes) {
  let at = 0;
  for (const size of blockSizes) {
    if (at + size > buf.length) break;
    undoX86Bcj(buf.subarray(at, at + size));
    at += size;
  }
}
function undoX86Bcj(buf) {
  const limit = buf.length - 4;
  if (limit <= 0) return;
  const isMs = (c) => c === 0 || c === 255;
  const allowed = [true, true, true, false, true, false, false, false];
  const bitNum = [0, 1, 2, 2, 3, 3, 3, 3];
  let prevPos = -1;
  let prevMask = 0;
  let i = 0;
  for (; i < limit; i++) {
    if ((buf[i] & 254) !== 232) continue;
    const dist = i - prevPos;
    if (dist > 3) prevMask = 0;
    else {
      prevMask = prevMask << dist - 1 & 7;
      if (prevMask !== 0) {
        const c = buf[i + 4 - bitNum[prevMask]];
        if (!allowed[prevMask] || isMs(c)) {
          prevPos = i;
          prevMask = prevMask << 1 | 1;
          continue;
        }
      }
    }
    prevPos = i;
    if (!isMs(buf[i + 4])) {
      prevMask = prevMask << 1 | 1;
      continue;
    }
    let src = u32At2(buf, i + 1);
    let dest;
    for (; ; ) {
      dest = src - (i + 5) >>> 0;
      if (prevMask === 0) break;
      const shift = bitNum[prevMask] * 8;
      if (!isMs(dest >>> 24 - shift & 255)) break;
      src = (dest ^ 2 ** (32 - shift) - 1) >>> 0;
    }
    dest &= 33554431;
    if (dest & 16777216) dest |= 4261412864;
    buf[i + 1] = dest & 255;
    buf[i + 2] = dest >>> 8 & 255;
    buf[i + 3] = dest >>> 16 & 255;
    buf[i + 4] = dest >>> 24 & 255;
    i += 4;
  }
}

// src/kallsyms/boot-image.ts
var gunzipAsync2 = (0, import_node_util4.promisify)(import_node_zlib3.gunzip);
var zstdAsync2 = (0, import_node_util4.promisify)(import_node_zlib3.zstdDecompress);
var ARM64_MAGIC = 1682788929;
function u32le(b, at) {
  return (b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24) >>> 0;
}
function startsWith(b, at, magic) {
  return at + magic.length <= b.length && magic.every((m, i) => b[at + i] === m);
}
var MAGICS = [
  ["gzip", [31, 139]],
  ["xz", [253, 55, 122, 88, 90, 0]],
  ["zstd", [40, 181, 47, 253]],
  ["lz4", [2, 33, 76, 24]],
  ["bzip2", [66, 90, 104]],
  ["lzo", [137, 76, 90, 79]],
  ["lzma", [93, 0, 0]]
];
function compressionOf2(b, at = 0) {
  for (const [name, magic] of MAGICS) if (startsWith(b, at, magic)) return name;
  return null;
}
async function unpackKernel(bytes2, file, maxBytes = LIMITS.maxKernelImageBytes, enough) {
  if (startsWith(bytes2, 0, [127, 69, 76, 70])) return { bytes: bytes2, format: "elf", container: "none", compression: "none", le: bytes2[5] !== 2, partial: false };
  if (isArm64Image(bytes2)) return { bytes: bytes2, format: "arm64-image", container: "none", compression: "none", le: arm64Le(bytes2), partial: false };
  if (bytes2.length > 592 && startsWith(bytes2, 514, [72, 100, 114, 83])) {
    const version = bytes2[518] | bytes2[519] << 8;
    if (version < 520) throw new InputError("unsupported", file, `bzImage boot protocol ${version >> 8}.${(version & 255).toString().padStart(2, "0")} has no payload fields (2.08+ needed)`, 518);
    const setupSects = bytes2[497] || 4;
    const start = (setupSects + 1) * 512 + u32le(bytes2, 584);
    const length = u32le(bytes2, 588);
    if (start + length > bytes2.length || length < 8) throw new InputError("truncated", file, `bzImage payload (0x${start.toString(16)}, ${length} bytes) runs past the file`, 584);
    return inner(bytes2.subarray(start, start + length), file, "bzImage", maxBytes, true, enough);
  }
  if (startsWith(bytes2, 0, [77, 90]) && startsWith(bytes2, 4, [122, 105, 109, 103])) {
    const start = u32le(bytes2, 8);
    const length = u32le(bytes2, 12);
    if (start + length > bytes2.length) throw new InputError("truncated", file, "EFI zboot payload runs past the file", 8);
    return inner(bytes2.subarray(start, start + length), file, "zboot", maxBytes, true, enough);
  }
  if (compressionOf2(bytes2) !== null && compressionOf2(bytes2) !== "lzma") return inner(bytes2, file, "compressed", maxBytes, false, enough);
  throw new InputError("unsupported", file, "not a vmlinux ELF, x86 bzImage, arm64 Image, EFI zboot image or compressed kernel");
}
async function inner(payload, file, container, maxBytes, sizeAppended, enough) {
  const kind = compressionOf2(payload);
  if (kind === null) throw new InputError("unsupported", file, `${container} payload has an unknown compression (starts ${Buffer.from(payload.subarray(0, 4)).toString("hex")})`);
  if (kind === "lzma" || kind === "bzip2" || kind === "lzo") throw new InputError("unsupported", file, `${container} payload is ${kind}-compressed; gzip, xz, zstd and lz4 are supported`);
  const declared = payload.length >= 4 ? u32le(payload, payload.length - 4) : 0;
  const limit = Math.min(maxBytes, declared > 0 && sizeAppended ? declared + (1 << 20) : maxBytes);
  let out;
  let partial = false;
  const body = sizeAppended && kind !== "gzip" ? payload.subarray(0, payload.length - 4) : payload;
  switch (kind) {
    case "gzip":
    case "zstd":
      if (enough) ({ bytes: out, partial } = await inflateUntil(body, kind, file, limit, declared, enough));
      else out = await inflate(body, kind, file, limit, declared);
      break;
    case "lz4":
      out = decodeLz4Legacy(body, file, limit);
      break;
    case "xz": {
      const rw = rewriteXzForLzma2(payload, file);
      out = await decompress(rw.stream, "xz", file, limit);
      if (rw.x86) undoX86BcjBlocks(out, rw.blockSizes);
      break;
    }
  }
  if (startsWith(out, 0, [127, 69, 76, 70])) return { bytes: out, format: "elf", container, compression: kind, le: out[5] !== 2, partial };
  if (isArm64Image(out)) return { bytes: out, format: "arm64-image", container, compression: kind, le: arm64Le(out), partial };
  throw new InputError("unsupported", file, `the ${kind} payload is neither an ELF nor an arm64 Image`);
}
function isArm64Image(b) {
  return b.length >= 64 && u32le(b, 56) === ARM64_MAGIC;
}
function arm64Le(b) {
  return (b[24] & 1) === 0;
}
async function inflate(body, kind, file, limit, declared) {
  const chunkSize = oneChunkSize(declared, limit);
  try {
    return await (kind === "gzip" ? gunzipAsync2(body, { maxOutputLength: limit, chunkSize }) : zstdAsync2(body, { maxOutputLength: limit, chunkSize }));
  } catch (err) {
    const e = err;
    if (e.code === "ERR_BUFFER_TOO_LARGE" || /maxOutputLength|too large/i.test(e.message ?? "")) {
      throw new InputError("too-large", file, `${kind} payload expands beyond ${limit} bytes`);
    }
    throw new InputError("bad-value", file, `corrupt ${kind} payload: ${e.message ?? String(err)}`);
  }
}
function inflateUntil(body, kind, file, limit, declared, enough) {
  const chunkSize = declared > 0 && declared < limit ? Math.max(1 << 20, declared + 1) : 1 << 20;
  let out = Buffer.allocUnsafe(0);
  let own = false;
  let op = 0;
  const stream = kind === "gzip" ? (0, import_node_zlib3.createGunzip)({ chunkSize }) : (0, import_node_zlib3.createZstdDecompress)({ chunkSize });
  return new Promise((resolve4, reject) => {
    let settled = false;
    const finish = (f) => {
      if (settled) return;
      settled = true;
      f();
    };
    stream.on("data", (chunk) => {
      if (settled) return;
      if (op + chunk.length > limit) {
        stream.destroy();
        finish(() => reject(new InputError("too-large", file, `${kind} payload expands beyond ${limit} bytes`)));
        return;
      }
      if (!own && (op === 0 || chunk.buffer === out.buffer && chunk.byteOffset === out.byteOffset + op)) {
        out = new Uint8Array(chunk.buffer, op === 0 ? chunk.byteOffset : out.byteOffset, op + chunk.length);
      } else {
        if (!own || op + chunk.length > out.length) {
          const grown2 = Buffer.allocUnsafe(Math.min(limit, Math.max(out.length * 2, op + chunk.length, 1 << 20)));
          grown2.set(out.subarray(0, op));
          out = grown2;
          own = true;
        }
        out.set(chunk, op);
      }
      op += chunk.length;
      if (enough(out.subarray(0, op))) {
        stream.destroy();
        finish(() => resolve4({ bytes: out.subarray(0, op), partial: true }));
      }
    });
    stream.on("end", () => finish(() => resolve4({ bytes: out.subarray(0, op), partial: false })));
    stream.on("error", (err) => finish(() => reject(new InputError("bad-value", file, `corrupt ${kind} payload: ${err.message}`))));
    for (let at = 0; at < body.length; at += INPUT_PIECE) stream.write(body.subarray(at, Math.min(body.length, at + INPUT_PIECE)));
    stream.end();
  });
}
var INPUT_PIECE = 256 * 1024;

// src/kallsyms/decode-table.ts
var MAX_SYMBOLS2 = 1 << 24;
var MAX_DECODED = 1 << 21;
var MAX_NAME_TOKENS = 16383;
var TYPE_CHARS = ["", ...Array.from({ length: 255 }, (_, i) => String.fromCharCode(i + 1))];
function decodeTable(image, layout2) {
  const file = image.file;
  const r = new ByteReader(image.bytes, image.le, file);
  const bytes2 = image.bytes;
  const issues = [];
  const n = r.u32(layout2.numSyms, "kallsyms_num_syms");
  if (n > MAX_SYMBOLS2) throw new InputError("bad-value", file, `kallsyms_num_syms is ${n}, more than a kernel can have`, layout2.numSyms);
  if (n > MAX_DECODED) throw new InputError("too-large", file, `kallsyms_num_syms is ${n}; more than ${MAX_DECODED} symbols are not decoded`, layout2.numSyms);
  const tokens = readTokens(r, layout2, issues);
  const tokStart = new Uint32Array(256);
  const tokLen = new Uint32Array(256);
  const flat = Buffer.from(tokens.join(""), "latin1");
  for (let i = 0, at = 0; i < 256; i++) {
    tokStart[i] = at;
    tokLen[i] = tokens[i].length;
    at += tokens[i].length;
  }
  let out = Buffer.allocUnsafe(Math.max(1024, 32 * n));
  let op = 0;
  const types = new Uint8Array(n);
  const nameAt = new Uint32Array(n);
  const markerCount = n + 255 >>> 8;
  const markerAt = new Array(markerCount);
  let off = layout2.names;
  const end = bytes2.length;
  for (let i = 0; i < n; i++) {
    if ((i & 255) === 0) markerAt[i >>> 8] = off - layout2.names;
    if (off >= end) throw new InputError("truncated", file, `kallsyms_names ends before symbol ${i} of ${n}`, off);
    let len = bytes2[off++];
    if (len & 128) {
      if (off >= end) throw new InputError("truncated", file, `kallsyms_names: symbol ${i} length runs past the data`, off);
      len = len & 127 | bytes2[off++] << 7;
    }
    if (len === 0 || len > MAX_NAME_TOKENS) throw new InputError("bad-value", file, `kallsyms_names: symbol ${i} has length ${len}`, off - 1);
    if (off + len > end) throw new InputError("truncated", file, `kallsyms_names: symbol ${i} runs past the data`, off);
    if (op + len * 512 + 1 > out.length) {
      const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, op + len * 512 + 1));
      out.copy(bigger, 0, 0, op);
      out = bigger;
    }
    nameAt[i] = op;
    let typed = false;
    for (let j = off, stop = off + len; j < stop; j++) {
      const t = bytes2[j];
      let k = tokStart[t];
      const e = k + tokLen[t];
      if (!typed && k < e) {
        types[i] = flat[k++];
        typed = true;
      }
      while (k < e) out[op++] = flat[k++];
    }
    out[op++] = 0;
    off += len;
  }
  const namesEnd = off;
  const packed = { names: out.subarray(0, op), nameAt, types, words: new Uint32Array(2 * n) };
  const nameOf = (i) => out.toString("latin1", nameAt[i], out.indexOf(0, nameAt[i]));
  for (let k = 0; k < markerCount; k++) {
    const stored = r.u32(layout2.markers + 4 * k, "kallsyms_markers");
    if (stored !== markerAt[k]) {
      issues.push({
        code: "marker-mismatch",
        message: `kallsyms_markers[${k}] is ${stored} but symbol ${k * 256} starts at offset ${markerAt[k]} of kallsyms_names`
      });
      if (issues.length > 20) break;
    }
  }
  const words = packed.words;
  readAddresses(image, r, layout2, n, words);
  let relativeBase = null;
  if (layout2.relativeBase !== null) relativeBase = r.word(layout2.relativeBase, image.is64, "kallsyms_relative_base");
  for (let i = 1; i < n; i++) {
    if (compareAddr(words, i, i - 1) < 0) {
      issues.push({
        code: "addresses-not-sorted",
        message: `symbol ${i} (${nameOf(i)}) has a lower address than symbol ${i - 1} (${nameOf(i - 1)}); lookups by address bisect this table`
      });
      break;
    }
  }
  let seqs = null;
  let tablesEnd = Math.max(namesEnd, layout2.tokenIndex + 512, layout2.addresses + n * addressSize(image, layout2));
  if (layout2.seqsOfNames !== null) {
    const so = layout2.seqsOfNames;
    r.check(so, 3 * n, "kallsyms_seqs_of_names");
    seqs = new Uint32Array(n);
    for (let i = 0; i < n; i++) seqs[i] = bytes2[so + 3 * i] << 16 | bytes2[so + 3 * i + 1] << 8 | bytes2[so + 3 * i + 2];
    checkSeqs(seqs, packed, nameOf, issues);
    tablesEnd = Math.max(tablesEnd, so + 3 * n);
  }
  const tablesStart = Math.min(layout2.numSyms, layout2.addresses);
  let entries = null;
  return {
    layout: layout2,
    relativeBase,
    seqs,
    issues,
    bytes: tablesEnd - tablesStart,
    packed,
    count: n,
    get entries() {
      entries ??= unpack(packed, n);
      return entries;
    }
  };
}
function unpack(p, n) {
  const names2 = Buffer.from(p.names.buffer, p.names.byteOffset, p.names.byteLength).toString("latin1").split("\0");
  const scratch = new DataView(new ArrayBuffer(8));
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    scratch.setUint32(0, p.words[2 * i], true);
    scratch.setUint32(4, p.words[2 * i + 1], true);
    out[i] = { addr: scratch.getBigUint64(0, true), type: TYPE_CHARS[p.types[i]], name: names2[i] };
  }
  return out;
}
function compareAddr(words, i, j) {
  return words[2 * i + 1] - words[2 * j + 1] || words[2 * i] - words[2 * j];
}
function addressAt(p, i) {
  return BigInt(p.words[2 * i + 1]) << 32n | BigInt(p.words[2 * i]);
}
function readTokens(r, layout2, issues) {
  const tokens = new Array(256);
  const bytes2 = r.bytes;
  let expected = 0;
  let mismatches = 0;
  for (let i = 0; i < 256; i++) {
    const idx = r.u16(layout2.tokenIndex + 2 * i, "kallsyms_token_index");
    const start = layout2.tokenTable + idx;
    const nul = start < bytes2.length ? bytes2.indexOf(0, start) : -1;
    if (nul < 0) throw new InputError("truncated", r.file, `kallsyms_token_table: token ${i} is not terminated`, start);
    if (nul - start > 512) throw new InputError("bad-value", r.file, `kallsyms_token_table: token ${i} is ${nul - start} bytes long`, start);
    let s = "";
    for (let j = start; j < nul; j++) s += String.fromCharCode(bytes2[j]);
    tokens[i] = s;
    if (idx !== expected && mismatches++ < 5) {
      issues.push({ code: "token-index-mismatch", message: `kallsyms_token_index[${i}] is ${idx} but token ${i} starts at ${expected} of kallsyms_token_table` });
    }
    expected = idx + s.length + 1;
  }
  return tokens;
}
function addressSize(image, layout2) {
  return layout2.mode === "absolute" ? image.is64 ? 8 : 4 : 4;
}
function readAddresses(image, r, layout2, n, words) {
  const at = layout2.addresses;
  const wide = image.is64;
  const put = (i, baseHi, baseLo, delta) => {
    const t = baseLo + delta;
    const carry = Math.floor(t / 4294967296);
    words[2 * i] = t - carry * 4294967296;
    words[2 * i + 1] = wide ? baseHi + carry >>> 0 : 0;
  };
  const split = (v) => [Number(v >> 32n & 0xffffffffn), Number(v & 0xffffffffn)];
  switch (layout2.mode) {
    case "absolute": {
      const size = wide ? 8 : 4;
      r.check(at, n * size, "kallsyms_addresses");
      for (let i = 0; i < n; i++) {
        if (wide) {
          words[2 * i] = r.u32(at + i * 8 + (r.le ? 0 : 4));
          words[2 * i + 1] = r.u32(at + i * 8 + (r.le ? 4 : 0));
        } else put(i, 0, 0, r.u32(at + i * 4));
      }
      return;
    }
    case "absolute-u32": {
      r.check(at, n * 4, "kallsyms_offsets");
      for (let i = 0; i < n; i++) put(i, 0, 0, r.u32(at + 4 * i));
      return;
    }
    case "base-relative":
    case "absolute-percpu": {
      if (layout2.relativeBase === null) throw new InputError("bad-value", r.file, `${layout2.mode} addressing needs kallsyms_relative_base`);
      const [hi, lo] = split(r.word(layout2.relativeBase, wide, "kallsyms_relative_base"));
      r.check(at, n * 4, "kallsyms_offsets");
      for (let i = 0; i < n; i++) {
        if (layout2.mode === "base-relative") put(i, hi, lo, r.u32(at + 4 * i));
        else {
          const v = r.i32(at + 4 * i);
          if (v >= 0) put(i, 0, 0, v);
          else put(i, hi, lo, -1 - v);
        }
      }
      return;
    }
    case "pc-relative": {
      if (image.va === null) throw new InputError("unsupported", r.file, "PC-relative kallsyms_offsets need the address the image is linked at");
      r.check(at, n * 4, "kallsyms_offsets");
      const [hi, lo] = split(image.va + BigInt(at));
      for (let i = 0; i < n; i++) put(i, hi, lo, 4 * i + r.i32(at + 4 * i));
      return;
    }
  }
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function cleanup(name) {
  const p = name.indexOf(".llvm.");
  return p < 0 ? name : name.slice(0, p);
}
function compareNames(buf, a, b) {
  for (let i = a, j = b; ; i++, j++) {
    const x = buf[i];
    const y = buf[j];
    if (x !== y) return x - y;
    if (x === 0) return 0;
  }
}
function checkSeqs(seqs, p, nameOf, issues) {
  const n = seqs.length;
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = seqs[i];
    if (s >= n) {
      issues.push({ code: "seqs-out-of-range", message: `kallsyms_seqs_of_names[${i}] is ${s}, beyond the ${n} symbols` });
      return;
    }
    if (seen[s]) {
      issues.push({ code: "seqs-not-permutation", message: `kallsyms_seqs_of_names lists symbol ${s} (${nameOf(s)}) twice` });
      return;
    }
    seen[s] = 1;
  }
  const firstBad = (clean) => {
    for (let i = 1; i < n; i++) {
      const a = seqs[i - 1];
      const b = seqs[i];
      const c = clean ? cmp(cleanup(nameOf(a)), cleanup(nameOf(b))) : compareNames(p.names, p.nameAt[a], p.nameAt[b]);
      if (c > 0 || c === 0 && compareAddr(p.words, a, b) > 0) return i;
    }
    return -1;
  };
  const bad = firstBad(false);
  if (bad < 0 || firstBad(true) < 0) return;
  issues.push({
    code: "seqs-not-sorted",
    message: `kallsyms_seqs_of_names[${bad - 1}] (${nameOf(seqs[bad - 1])}) sorts after kallsyms_seqs_of_names[${bad}] (${nameOf(seqs[bad])}); kallsyms_lookup_name() bisects this order and misses names around it`
  });
}

// src/kallsyms/relocations.ts
var R_AARCH64_RELATIVE = 1027n;
function elfDynamicRelocations(elf) {
  const out = [];
  for (const sec of elf.sections) {
    if (sec.type !== SHT_RELA || (sec.flags & SHF_ALLOC) === 0) continue;
    for (const r of elf.relocations(sec)) out.push({ offset: r.offset, addend: r.addend });
  }
  return out;
}
function scanRelativeRelocations(bytes2) {
  const view = new DataView(bytes2.buffer, bytes2.byteOffset, bytes2.byteLength);
  const out = [];
  for (let p = 8; p + 16 <= bytes2.length; p += 8) {
    if (bytes2[p] !== 3 || bytes2[p + 1] !== 4 || view.getUint32(p + 4, true) !== 0 || view.getUint16(p + 2, true) !== 0) continue;
    if (view.getBigUint64(p, true) !== R_AARCH64_RELATIVE) continue;
    const offset = view.getBigUint64(p - 8, true);
    if (offset < 0xffff000000000000n) continue;
    out.push({ offset, addend: view.getBigUint64(p + 8, true) });
  }
  return out;
}
function imageBaseFromRelocations(relocs, imageSize) {
  if (relocs.length < 16) return null;
  let min = relocs[0].offset;
  let max = min;
  for (const r of relocs) {
    if (r.offset < min) min = r.offset;
    if (r.offset > max) max = r.offset;
  }
  const base = min & ~(128n * 1024n * 1024n - 1n);
  return max - base < BigInt(imageSize) ? base : null;
}
function applyRelativeBaseRelocation(image, table, relocs) {
  const slot = table.layout.relativeBase;
  if (slot === null || table.relativeBase !== 0n || image.va === null) return false;
  const va = image.va + BigInt(slot);
  const r = relocs.find((x) => x.offset === va);
  if (!r) return false;
  const view = new DataView(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength);
  if (image.is64) view.setBigUint64(slot, r.addend, image.le);
  else view.setUint32(slot, Number(r.addend & 0xffffffffn), image.le);
  return true;
}

// src/kallsyms/locate-table.ts
var SYMBOL_FIELDS = {
  kallsyms_num_syms: "numSyms",
  kallsyms_names: "names",
  kallsyms_markers: "markers",
  kallsyms_token_table: "tokenTable",
  kallsyms_token_index: "tokenIndex",
  kallsyms_offsets: "offsets",
  kallsyms_addresses: "addresses",
  kallsyms_relative_base: "relativeBase",
  kallsyms_seqs_of_names: "seqsOfNames"
};
function tablesFromSymbols(elf, hints = {}) {
  const found = /* @__PURE__ */ new Map();
  for (const s of elf.symbols()) {
    if (s.name in SYMBOL_FIELDS && !found.has(s.name) && !s.reserved && s.shndx !== 0) found.set(s.name, s.value);
  }
  const tt = found.get("kallsyms_token_table");
  if (tt === void 0) return null;
  const sec = sectionAt(elf, tt);
  if (!sec) throw new InputError("bad-value", elf.file, `kallsyms_token_table (0x${tt.toString(16)}) is in no section with contents`);
  const image = { file: elf.file, bytes: elf.data(sec), va: sec.addr, le: elf.littleEndian, is64: elf.is64, what: `${sec.name} section` };
  const pos = (name) => {
    const va = found.get(name);
    if (va === void 0) return null;
    const off = va - sec.addr;
    if (off < 0n || off > BigInt(sec.size)) throw new InputError("bad-value", elf.file, `${name} (0x${va.toString(16)}) lies outside ${sec.name}, unlike the other kallsyms tables`);
    return Number(off);
  };
  const need = (name) => {
    const p = pos(name);
    if (p === null) throw new InputError("bad-value", elf.file, `kallsyms_token_table is defined but ${name} is not`);
    return p;
  };
  const addresses = pos("kallsyms_addresses");
  const offsets = pos("kallsyms_offsets");
  const relativeBase = pos("kallsyms_relative_base");
  const base = {
    numSyms: need("kallsyms_num_syms"),
    names: need("kallsyms_names"),
    markers: need("kallsyms_markers"),
    tokenTable: need("kallsyms_token_table"),
    tokenIndex: need("kallsyms_token_index"),
    seqsOfNames: pos("kallsyms_seqs_of_names"),
    foundBy: "symbols"
  };
  if (addresses !== null) return decodeTable(image, { ...base, addresses, relativeBase: null, mode: "absolute" });
  if (offsets === null) throw new InputError("bad-value", elf.file, "kallsyms_token_table is defined but neither kallsyms_offsets nor kallsyms_addresses is");
  const modes = modesFor(relativeBase !== null, image, hints);
  const layouts = modes.map((mode) => ({ ...base, addresses: offsets, relativeBase, mode }));
  const t = firstSound(image, layouts);
  return applyRelativeBaseRelocation(image, t, elfDynamicRelocations(elf)) ? firstSound(image, layouts) : t;
}
function sectionAt(elf, va) {
  return elf.sections.find((s) => s.type !== SHT_NOBITS && s.size > 0 && (s.flags & 2) !== 0 && va >= s.addr && va < s.addr + BigInt(s.size));
}
function modesFor(hasRelativeBase, image, hints) {
  if (hasRelativeBase) {
    if (hints.absolutePercpu === true) return ["absolute-percpu"];
    if (hints.absolutePercpu === false) return ["base-relative"];
    return ["absolute-percpu", "base-relative"];
  }
  if (hints.pcRelative === true || image.is64) return ["pc-relative"];
  if (hints.pcRelative === false) return ["absolute-u32"];
  return ["pc-relative", "absolute-u32"];
}
function firstSound(image, layouts) {
  let first = null;
  let lastErr = null;
  for (const layout2 of layouts) {
    if (layout2.mode === "pc-relative" && image.va === null) continue;
    try {
      const t = decodeTable(image, layout2);
      if (layouts.length === 1 || plausible(t)) return t;
      first ??= t;
    } catch (err) {
      lastErr = err;
    }
  }
  if (first) return first;
  if (lastErr) throw lastErr;
  throw new InputError("unsupported", image.file, "the kallsyms tables use PC-relative offsets and the image address is unknown (pass the load address)");
}
function plausible(t) {
  if (t.issues.some((i) => i.code === "addresses-not-sorted")) return false;
  if (t.relativeBase === null || t.count === 0) return true;
  if (t.layout.mode === "base-relative") return addressAt(t.packed, 0) === t.relativeBase;
  if (t.relativeBase === 0n) return false;
  for (let i = 0; i < t.count; i++) if (addressAt(t.packed, i) === t.relativeBase) return true;
  return false;
}
var DIGITS = Buffer.from("0\x001\x002\x003\x004\x005\x006\x007\x008\x009\0", "latin1");
var LOWER = Buffer.from([..."abcdefghijklmnopqrstuvwxyz"].map((c) => c + "\0").join(""), "latin1");
var MAX_PAD = 7;
var MIN_CHUNK2 = 256 * 2;
var MAX_CHUNK = 256 * 514;
function tablesByScan(image, hints = {}) {
  const bytes2 = Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength);
  let lastErr = null;
  for (const [anchor, anchorToken] of [
    [DIGITS, 48],
    [LOWER, 97]
  ]) {
    for (let p = bytes2.indexOf(anchor); p >= 0; p = bytes2.indexOf(anchor, p + 1)) {
      const tokens = tokenTableAt(image, p, anchorToken);
      if (!tokens) continue;
      try {
        const t = tablesAroundTokens(image, tokens.tokenTable, tokens.tokenIndex, hints);
        if (t) return t;
      } catch (err) {
        lastErr = err;
      }
    }
  }
  if (lastErr) throw lastErr;
  return null;
}
function tokenTableAt(image, p, anchorToken) {
  const b = image.bytes;
  let e = p;
  for (let i = anchorToken; i < 256; i++) {
    const nul = b.indexOf(0, e);
    if (nul < 0 || nul - e > 512) return null;
    e = nul + 1;
  }
  const r = new ByteReader(b, image.le, image.file);
  for (let pad = 0; pad <= MAX_PAD && e + pad + 512 <= b.length; pad++) {
    if (pad > 0 && b[e + pad - 1] !== 0) break;
    const idx = e + pad;
    if (r.u16(idx) !== 0) continue;
    const start = p - r.u16(idx + 2 * anchorToken);
    if (start < 0) continue;
    let off = start;
    let ok = true;
    for (let i = 0; i < 256 && ok; i++) {
      if (r.u16(idx + 2 * i) !== off - start) ok = false;
      else {
        const nul = b.indexOf(0, off);
        if (nul < 0 || nul >= idx) ok = false;
        else off = nul + 1;
      }
    }
    if (ok && off === e) return { tokenTable: start, tokenIndex: idx };
  }
  return null;
}
function tablesAroundTokens(image, tokenTable, tokenIndex, hints) {
  const r = new ByteReader(image.bytes, image.le, image.file);
  const ptr = image.is64 ? 8 : 4;
  const searchFloor = Math.max(0, tokenTable - 3 * MAX_SYMBOLS2 - MAX_CHUNK);
  for (let q = tokenTable - 4 & ~3; q >= searchFloor; q -= 4) {
    if (r.u32(q) !== 0) continue;
    const block = namesBlockWithMarkersAt(image, r, q, tokenTable);
    if (!block) continue;
    const gap = tokenTable - block.markersEnd;
    const base = { numSyms: block.numSyms, names: block.names, markers: block.markers, tokenTable, tokenIndex, foundBy: "scan" };
    const candidates = [];
    if (gap <= MAX_PAD) {
      candidates.push(...layoutsAfterTokenIndex(image, base, block.n, tokenIndex + 512, hints));
      candidates.push(...layoutsBeforeNumSyms(image, r, base, block.n, null, ptr, hints));
    } else {
      const fits = (s) => tokenTable - (s + 3 * block.n) >= 0 && tokenTable - (s + 3 * block.n) <= MAX_PAD;
      const seqs = zeroPadded(image.bytes, block.markersEnd, MAX_PAD).find((s) => fits(s) && isPermutation(image.bytes, s, block.n));
      if (seqs === void 0) continue;
      candidates.push(...layoutsBeforeNumSyms(image, r, base, block.n, seqs, ptr, hints));
    }
    if (candidates.length === 0) continue;
    return firstSound(image, candidates);
  }
  return null;
}
function zeroPadded(b, pos, maxPad) {
  const out = [];
  for (let pad = 0; pad <= maxPad && pos + pad <= b.length; pad++) {
    if (pad > 0 && b[pos + pad - 1] !== 0) break;
    out.push(pos + pad);
  }
  return out;
}
function namesBlockWithMarkersAt(image, r, q, limit) {
  const markers = [0];
  for (let p = q + 4; p + 4 <= limit; p += 4) {
    const v = r.u32(p);
    const prev = markers[markers.length - 1];
    if (v < prev + MIN_CHUNK2 || v > prev + MAX_CHUNK) break;
    markers.push(v);
  }
  for (let k = markers.length; k >= 1; k--) {
    const gap = limit - (q + 4 * k);
    const fits = gap <= MAX_PAD || gap >= 3 * (256 * (k - 1) + 1) && gap <= 3 * 256 * k + 2 * MAX_PAD;
    if (!fits) continue;
    const block = namesBefore(image, r, q, markers.slice(0, k));
    if (block) return block;
  }
  return null;
}
function namesBefore(image, r, q, markers) {
  const k = markers.length;
  const last = markers[k - 1];
  const b = image.bytes;
  for (let namesEnd = q; namesEnd >= q - MAX_PAD && namesEnd > 0; namesEnd--) {
    if (namesEnd < q && b[namesEnd] !== 0) break;
    const hi = namesEnd - last - 2;
    const lo = Math.max(8, namesEnd - last - MAX_CHUNK);
    for (let names2 = hi & ~3; names2 >= lo; names2 -= 4) {
      for (let numSyms = names2 - 4; numSyms >= names2 - 8; numSyms -= 4) {
        const n = r.u32(numSyms);
        if (n === 0 || n + 255 >>> 8 !== k) continue;
        if (numSyms === names2 - 8 && r.u32(names2 - 4) !== 0) continue;
        if (skipNames(b, names2 + last, n - 256 * (k - 1)) !== namesEnd) continue;
        if (k >= 2 && skipNames(b, names2 + markers[k - 2], 256) !== names2 + last) continue;
        return { numSyms, names: names2, markers: q, markersEnd: q + 4 * k, n };
      }
    }
  }
  return null;
}
function skipNames(b, off, count2) {
  for (let i = 0; i < count2; i++) {
    if (off >= b.length) return -1;
    let len = b[off++];
    if (len & 128) {
      if (off >= b.length) return -1;
      len = len & 127 | b[off++] << 7;
    }
    if (len === 0) return -1;
    off += len;
  }
  return off <= b.length ? off : -1;
}
function isPermutation(b, at, n) {
  if (at + 3 * n > b.length) return false;
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = b[at + 3 * i] << 16 | b[at + 3 * i + 1] << 8 | b[at + 3 * i + 2];
    if (s >= n || seen[s]) return false;
    seen[s] = 1;
  }
  return true;
}
function layoutsAfterTokenIndex(image, base, n, after, hints) {
  const b = image.bytes;
  const ptr = image.is64 ? 8 : 4;
  const out = [];
  for (const at of zeroPadded(b, after, MAX_PAD)) {
    if (at % 4 !== after % 4) continue;
    const offsetsEnd = at + 4 * n;
    for (const rb of zeroPadded(b, offsetsEnd, MAX_PAD)) {
      if ((rb - offsetsEnd) % 4 !== 0) continue;
      for (const seqs of zeroPadded(b, rb + ptr, MAX_PAD)) {
        if (isPermutation(b, seqs, n)) {
          for (const mode of modesFor(true, image, hints)) out.push({ ...base, addresses: at, relativeBase: rb, seqsOfNames: seqs, mode });
        }
      }
    }
    for (const seqs of zeroPadded(b, offsetsEnd, MAX_PAD)) {
      if (isPermutation(b, seqs, n)) {
        for (const mode of modesFor(false, image, hints)) out.push({ ...base, addresses: at, relativeBase: null, seqsOfNames: seqs, mode });
      }
    }
    for (const seqs of zeroPadded(b, at + ptr * n, MAX_PAD)) {
      if (isPermutation(b, seqs, n)) out.push({ ...base, addresses: at, relativeBase: null, seqsOfNames: seqs, mode: "absolute" });
    }
  }
  return out;
}
function layoutsBeforeNumSyms(image, r, base, n, seqs, ptr, hints) {
  const out = [];
  const numSyms = base.numSyms;
  const rb = numSyms - ptr;
  for (const start of [rb - 4 * n, rb - 4 * n - 4]) {
    if (start < 0 || start % 4 !== 0) continue;
    if (start + 4 * n < rb && r.u32(start + 4 * n) !== 0) continue;
    for (const mode of modesFor(true, image, hints)) out.push({ ...base, addresses: start, relativeBase: rb, seqsOfNames: seqs, mode });
  }
  const abs = numSyms - ptr * n;
  if (abs >= 0) out.push({ ...base, addresses: abs, relativeBase: null, seqsOfNames: seqs, mode: "absolute" });
  return out;
}
var TableWatcher = class {
  le = true;
  is64 = true;
  searched = -1;
  needed = null;
  /** True when `prefix` (the decompressed data so far) covers the tables. */
  enough(prefix) {
    if (this.needed !== null) return prefix.length >= this.needed;
    if (this.searched < 0) {
      if (prefix.length < 64) return false;
      if (!(prefix[0] === 127 && prefix[1] === 69 && prefix[2] === 76 && prefix[3] === 70)) {
        this.needed = Infinity;
        return false;
      }
      this.is64 = prefix[4] === 2;
      this.le = prefix[5] !== 2;
      this.searched = 0;
    }
    const image = { file: "", bytes: prefix, va: null, le: this.le, is64: this.is64, what: "prefix" };
    const buf = Buffer.from(prefix.buffer, prefix.byteOffset, prefix.byteLength);
    const limit = prefix.length - 4096;
    for (let p = buf.indexOf(DIGITS, this.searched); p >= 0 && p < limit; p = buf.indexOf(DIGITS, p + 1)) {
      const tokens = tokenTableAt(image, p, 48);
      if (!tokens) continue;
      const r = new ByteReader(prefix, this.le, "");
      for (let q = tokens.tokenTable - 4 & ~3; q >= Math.max(0, tokens.tokenTable - 3 * MAX_SYMBOLS2 - MAX_CHUNK); q -= 4) {
        if (r.u32(q) !== 0) continue;
        const block = namesBlockWithMarkersAt(image, r, q, tokens.tokenTable);
        if (!block) continue;
        this.needed = tokens.tokenIndex + 512 + 8 * block.n + 64;
        return prefix.length >= this.needed;
      }
    }
    this.searched = Math.max(this.searched, limit - DIGITS.length);
    return false;
  }
};

// src/kallsyms/embedded.ts
var ARM64_DEFAULT_BASE = 0xffff800080000000n;
function tablesOfElf(elf, hints = {}) {
  const bySymbols = tablesFromSymbols(elf, hints);
  if (bySymbols) return { table: bySymbols, via: `${bySymbols.layout.foundBy === "symbols" ? "symbols" : "scan"}` };
  const sections = elf.sections.filter((s) => s.type !== SHT_NOBITS && (s.flags & SHF_ALLOC) !== 0 && s.size > 0).sort((a, b) => Number(b.name === ".rodata") - Number(a.name === ".rodata"));
  for (const sec of sections) {
    const image = { file: elf.file, bytes: Uint8Array.from(elf.data(sec)), va: sec.addr, le: elf.littleEndian, is64: elf.is64, what: `${sec.name} section` };
    const t = tablesByScan(image, hints);
    if (!t) continue;
    if (applyRelativeBaseRelocation(image, t, elfDynamicRelocations(elf))) return { table: tablesByScan(image, hints), via: `scan of ${sec.name}` };
    return { table: t, via: `scan of ${sec.name}` };
  }
  return null;
}
async function readEmbeddedTable(path2, file, options = {}) {
  const head = readHead(path2, file);
  if (head.length >= 4 && head[0] === 127 && head[1] === 69 && head[2] === 76 && head[3] === 70) {
    const elf = ElfFile.open(new FileSource(path2, file));
    try {
      const found = tablesOfElf(elf, options);
      if (!found) throw new InputError("bad-value", file, "no kallsyms tables found (CONFIG_KALLSYMS off?)");
      return { table: found.table, source: `ELF, by ${found.via}`, is64: elf.is64, notes: [] };
    } finally {
      elf.close();
    }
  }
  const size = (0, import_node_fs3.statSync)(path2).size;
  if (size > LIMITS.maxModuleBytes) throw new InputError("too-large", file, `${size} bytes is more than a boot image`);
  const src = new FileSource(path2, file);
  let bytes2;
  try {
    bytes2 = src.read(0, size, "boot image");
  } finally {
    src.close();
  }
  const watcher = new TableWatcher();
  const prefix = await unpackKernel(bytes2, file, void 0, (p) => watcher.enough(p));
  if (prefix.partial && prefix.format === "elf") {
    try {
      return tablesOfUnpacked(prefix, file, options);
    } catch {
    }
  }
  return tablesOfUnpacked(prefix.partial ? await unpackKernel(bytes2, file) : prefix, file, options);
}
function tablesOfUnpacked(k, file, options = {}) {
  const how = k.container === "none" ? "" : `${k.container} ${k.compression} payload, `;
  if (k.format === "elf" && k.partial) {
    for (const seg of loadSegments(k.bytes, file)) {
      const t2 = tablesByScan(seg, options);
      if (t2) return { table: t2, source: `${how}ELF, by scan of a load segment`, is64: seg.is64, notes: [] };
    }
    throw new InputError("bad-value", file, `no kallsyms tables found in the ${how}ELF prefix`);
  }
  if (k.format === "elf") {
    const elf = ElfFile.fromBytes(k.bytes, file);
    const found = tablesOfElf(elf, options);
    if (!found) throw new InputError("bad-value", file, `no kallsyms tables found in the ${how}ELF (CONFIG_KALLSYMS off?)`);
    return { table: found.table, source: `${how}ELF, by ${found.via}`, is64: elf.is64, notes: [] };
  }
  const notes = [];
  const relocs = k.le ? scanRelativeRelocations(k.bytes) : [];
  let base = options.base ?? imageBaseFromRelocations(relocs, k.bytes.length);
  if (base === null) {
    base = ARM64_DEFAULT_BASE;
    notes.push(`addresses assume the Image is linked at 0x${base.toString(16)} (arm64 6.5+ KIMAGE_VADDR); give the base if it differs`);
  }
  const image = { file, bytes: k.container === "none" ? Uint8Array.from(k.bytes) : k.bytes, va: base, le: k.le, is64: true, what: "arm64 Image" };
  let t = tablesByScan(image, options);
  if (!t) throw new InputError("bad-value", file, `no kallsyms tables found in the ${how}arm64 Image`);
  if (applyRelativeBaseRelocation(image, t, relocs)) t = tablesByScan(image, options);
  else if (t.relativeBase === 0n) notes.push("kallsyms_relative_base is 0 in the image and no relocation sets it: addresses are offsets from the table base");
  return { table: t, source: `${how}arm64 Image, by scan`, is64: true, notes };
}
function readHead(path2, file) {
  let fd;
  try {
    fd = (0, import_node_fs3.openSync)(path2, "r");
  } catch (err) {
    throw new InputError("io", file, `cannot open: ${err.code ?? String(err)}`);
  }
  try {
    const buf = Buffer.alloc(64);
    const n = (0, import_node_fs3.readSync)(fd, buf, 0, 64, 0);
    return buf.subarray(0, n);
  } finally {
    (0, import_node_fs3.closeSync)(fd);
  }
}
function loadSegments(b, file) {
  const r = new ByteReader(b, b[5] !== 2, file);
  const is64 = b[4] === 2;
  const phoff = is64 ? r.u64n(32) : r.u32(28);
  const phentsize = r.u16(is64 ? 54 : 42);
  const phnum = r.u16(is64 ? 56 : 44);
  const out = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    if (r.u32(o) !== 1) continue;
    const offset = is64 ? r.u64n(o + 8) : r.u32(o + 4);
    const vaddr = is64 ? r.u64(o + 16) : BigInt(r.u32(o + 8));
    const filesz = is64 ? r.u64n(o + 32) : r.u32(o + 16);
    if (offset >= b.length) continue;
    out.push({ file, bytes: b.subarray(offset, Math.min(b.length, offset + filesz)), va: vaddr, le: r.le, is64, what: `load segment ${i}` });
  }
  return out;
}

// src/kallsyms/format-table.ts
var HEX = Buffer.from("0123456789abcdef", "latin1");
var BACKSLASH = 92;
function formatTable(table, width) {
  const { names: names2, nameAt, types, words } = table.packed;
  const n = table.count;
  const out = Buffer.allocUnsafe(n * (width + 8) + names2.length * 4);
  let o = 0;
  const hex32 = (v) => {
    for (let s = 28; s >= 0; s -= 4) out[o++] = HEX[v >>> s & 15];
  };
  for (let i = 0; i < n; i++) {
    if (width === 16) hex32(words[2 * i + 1]);
    hex32(words[2 * i]);
    out[o++] = 32;
    const t = types[i];
    if (t < 32 || t >= 127) {
      out[o++] = BACKSLASH;
      out[o++] = 120;
      out[o++] = HEX[t >>> 4];
      out[o++] = HEX[t & 15];
    } else out[o++] = t;
    out[o++] = 32;
    for (let k = nameAt[i]; ; k++) {
      const c = names2[k];
      if (c === 0) break;
      if (c < 32 || c >= 127) {
        out[o++] = BACKSLASH;
        out[o++] = 120;
        out[o++] = HEX[c >>> 4];
        out[o++] = HEX[c & 15];
      } else out[o++] = c;
    }
    out[o++] = 10;
  }
  return out.subarray(0, o);
}

// src/kallsyms/render.ts
var SHOWN = 20;
var MAX_ROWS = 500;
function hex(a) {
  return "0x" + a.toString(16);
}
function signedHex(d) {
  return d < 0n ? "-0x" + (-d).toString(16) : "+0x" + d.toString(16);
}
function count(n, word, plural3 = word + "s") {
  return `${n.toLocaleString("en-US")} ${n === 1 ? word : plural3}`;
}
function diffRows(d, sections) {
  const sec = (a) => sections?.sectionOf(a) ?? "";
  const rows = [];
  for (const m of d.moved) rows.push([{ code: m.name }, m.type, hex(m.from), hex(m.to), sec(m.to), `moved ${signedHex(m.to - m.from)}`]);
  for (const r of d.retyped) rows.push([{ code: r.name }, `${r.from} \u2192 ${r.to}`, hex(r.addr), hex(r.addr), sec(r.addr), "type changed"]);
  for (const s of d.lost) rows.push([{ code: s.name }, s.type, hex(s.addr), "\u2013", sec(s.addr), "name lost"]);
  for (const s of d.added) rows.push([{ code: s.name }, s.type, "\u2013", hex(s.addr), sec(s.addr), "name added"]);
  return rows;
}
function diffTable(d, cols, sections) {
  const rows = diffRows(d, sections);
  const columns = ["Symbol", "Type", cols.before, cols.after, "Section", "Change"];
  const table = (r) => ({ kind: "table", columns, rows: r });
  if (rows.length <= SHOWN) return [table(rows)];
  const rest = rows.slice(SHOWN, SHOWN + MAX_ROWS);
  const more = rows.length - SHOWN - rest.length;
  const blocks = [table(rows.slice(0, SHOWN)), { kind: "details", summary: `${count(rows.length - SHOWN, "more difference")}`, blocks: [table(rest)] }];
  if (more > 0) blocks.push({ kind: "paragraph", text: `${count(more, "further difference")} only in the JSON report.` });
  return blocks;
}
function diffSummary(d) {
  const parts = [];
  if (d.moved.length) parts.push(`${count(d.moved.length, "symbol")} moved`);
  if (d.retyped.length) parts.push(`${count(d.retyped.length, "type")} changed`);
  if (d.added.length) parts.push(`${count(d.added.length, "name")} added`);
  if (d.lost.length) parts.push(`${count(d.lost.length, "name")} lost`);
  if (parts.length === 0 && d.firstOrderDifference !== null) parts.push(`same symbols in a different order (from entry ${d.firstOrderDifference + 1})`);
  return parts.join(", ");
}
var KIND_TITLE = {
  "kallsyms-table": "kallsyms tables",
  "end-marker": "end markers",
  other: "other symbols"
};
function movementBlocks(m, title) {
  const rows = [];
  for (const kind of ["other", "end-marker", "kallsyms-table"]) {
    for (const g of m.groups[kind]) rows.push(groupRow(kind, g));
  }
  const blocks = [];
  if (rows.length) {
    const table = { kind: "table", columns: ["Kind", "Section", "Shift", "Symbols", "From \u2026 to"], rows: rows.slice(0, MAX_ROWS), align: ["left", "left", "right", "right", "left"] };
    blocks.push(rows.length > SHOWN ? { kind: "details", summary: title, blocks: [table] } : table);
  }
  if (m.stubs.length) {
    const items = m.stubs.slice(0, MAX_ROWS).map((s) => [{ code: s.name }, ` ${s.type} at ${hex(s.addr)}`]);
    blocks.push({ kind: "paragraph", text: `Names only the later pass has (linker stubs, veneers, trampolines): ${count(m.stubs.length, "name")}.` });
    blocks.push(items.length > SHOWN ? { kind: "details", summary: "stub names", blocks: [{ kind: "list", items }] } : { kind: "list", items });
  }
  return blocks;
}
function groupRow(kind, g) {
  const range = g.count === 1 ? [{ code: g.first }] : [{ code: g.first }, " \u2026 ", { code: g.last }];
  return [KIND_TITLE[kind], g.section, signedHex(g.shift), g.count.toLocaleString("en-US"), range];
}
function movementSummary(m) {
  const parts = [];
  const other = m.counts.other;
  if (other) {
    const top = m.groups.other.slice(0, 3).map((g) => `${g.section} ${signedHex(g.shift)}`);
    parts.push(`${count(other, "other symbol")} moved (${top.join(", ")}${m.groups.other.length > 3 ? ", \u2026" : ""})`);
  }
  const expected = m.counts["kallsyms-table"] + m.counts["end-marker"];
  if (expected) parts.push(`${count(expected, "expected mover")} (kallsyms tables, end markers)`);
  if (m.stubs.length) parts.push(`${count(m.stubs.length, "stub name")} added`);
  return parts.length ? parts.join("; ") : "nothing moved";
}

// src/kallsyms/system-map.ts
function parseSystemMap(text, file) {
  let lines2 = 1;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines2++;
  const words = new Uint32Array(2 * lines2);
  const types = new Uint16Array(lines2);
  const nameStart = new Uint32Array(lines2);
  const nameEnd = new Uint32Array(lines2);
  let n = 0;
  let width = 0;
  let line = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    line++;
    const from = start;
    start = end + 1;
    if (from === end) {
      if (start >= text.length) break;
      throw new InputError("bad-value", file, `line ${line} is empty`);
    }
    let sp1 = text.indexOf(" ", from);
    if (sp1 < 0 || sp1 >= end) sp1 = end;
    const digits = sp1 - from;
    if (digits <= 0 || digits > 16 || sp1 + 2 >= end || text.charCodeAt(sp1 + 2) !== 32 || sp1 + 3 >= end) {
      throw new InputError("bad-value", file, `line ${line} is not "<address> <type> <name>": ${JSON.stringify(text.slice(from, Math.min(end, from + 80)))}`);
    }
    let hi = 0;
    let lo = 0;
    for (let i = from; i < sp1; i++) {
      const c = text.charCodeAt(i);
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
      if (d < 0) throw new InputError("bad-value", file, `line ${line}: address ${JSON.stringify(text.slice(from, sp1))} is not hexadecimal`);
      if (sp1 - i > 8) hi = hi * 16 + d;
      else lo = lo * 16 + d;
    }
    if (width === 0) width = digits;
    words[2 * n] = lo;
    words[2 * n + 1] = hi;
    types[n] = text.charCodeAt(sp1 + 1);
    nameStart[n] = sp1 + 3;
    nameEnd[n] = end;
    n++;
  }
  const packed = { text, words, types, nameStart, nameEnd };
  let symbols = null;
  return {
    file,
    count: n,
    packed,
    width,
    get symbols() {
      symbols ??= unpackMap(packed, n);
      return symbols;
    }
  };
}
function unpackMap(p, n) {
  const out = new Array(n);
  let lastHigh = -1;
  let highBig = 0n;
  for (let i = 0; i < n; i++) {
    const hi = p.words[2 * i + 1];
    if (hi !== lastHigh) {
      lastHigh = hi;
      highBig = BigInt(hi) << 32n;
    }
    out[i] = { addr: highBig | BigInt(p.words[2 * i]), type: String.fromCharCode(p.types[i]), name: p.text.slice(p.nameStart[i], p.nameEnd[i]) };
  }
  return out;
}

// src/kallsyms/compare-symbols.ts
function compareSymbolLists(before, after) {
  const out = {
    before: before.length,
    after: after.length,
    identical: false,
    lost: [],
    added: [],
    moved: [],
    retyped: [],
    firstOrderDifference: null
  };
  let same = before.length === after.length;
  for (let i = 0; same && i < before.length; i++) {
    const a = before[i];
    const b = after[i];
    if (a.addr !== b.addr || a.name !== b.name || a.type !== b.type) same = false;
  }
  if (same) {
    out.identical = true;
    return out;
  }
  const byName = /* @__PURE__ */ new Map();
  for (const e of after) {
    const list = byName.get(e.name);
    if (list) list.push(e);
    else byName.set(e.name, [e]);
  }
  const used = /* @__PURE__ */ new Map();
  for (const e of before) {
    const k = used.get(e.name) ?? 0;
    const d = byName.get(e.name)?.[k];
    if (!d) {
      out.lost.push(e);
      continue;
    }
    used.set(e.name, k + 1);
    if (d.addr !== e.addr) out.moved.push({ name: e.name, type: d.type, from: e.addr, to: d.addr });
    if (d.type !== e.type) out.retyped.push({ name: e.name, addr: d.addr, from: e.type, to: d.type });
  }
  for (const [name, list] of byName) {
    for (let i = used.get(name) ?? 0; i < list.length; i++) out.added.push(list[i]);
  }
  out.added.sort((a, b) => a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0);
  if (out.lost.length + out.added.length + out.moved.length + out.retyped.length === 0) {
    for (let i = 0; i < before.length; i++) {
      const a = before[i];
      const b = after[i];
      if (a.name !== b.name || a.addr !== b.addr || a.type !== b.type) {
        out.firstOrderDifference = i;
        break;
      }
    }
  }
  return out;
}

// src/model/build-info.ts
function parseKernelVersion(release2) {
  if (!release2) return null;
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(release2);
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}
function atLeast(v, major, minor) {
  if (!v) return false;
  return v.major > major || v.major === major && v.minor >= minor;
}

// src/kallsyms/mksysmap.ts
function keepsLine(filter, line) {
  for (const re of filter.patterns) if (re.test(line)) return false;
  return true;
}
var KALLSYMS_TABLE_SYMBOLS = [
  "kallsyms_addresses",
  "kallsyms_offsets",
  "kallsyms_relative_base",
  "kallsyms_num_syms",
  "kallsyms_names",
  "kallsyms_markers",
  "kallsyms_token_table",
  "kallsyms_token_index",
  "kallsyms_seqs_of_names"
];
var BEFORE_6_1 = [/ [aNUw] /, /__crc_/, / \$[adt]/, / \.L/];
var GREP_6_1 = [/ [aNUw] /, / \$/, / \.L/, / __crc_/, / __kstrtab_/, / __kstrtabns_/, / L0$/];
var SED_7_2 = [
  / [aNUw] /,
  / \$/,
  / \.L/,
  / __efistub_/,
  / __pi_\$/,
  / __pi_\.L/,
  / __kvm_nvhe_\$/,
  / __kvm_nvhe_\.L/,
  / __[A-Za-z0-9]*Thunk_/,
  / __kcfi_typeid_/,
  / __kvm_nvhe___kcfi_typeid_/,
  / __pi___kcfi_typeid_/,
  / __crc_/,
  / __kstrtab_/,
  / __kstrtabns_/,
  / __mod_device_table__/,
  /_from_arm$/,
  /_from_thumb$/,
  /_veneer$/,
  / L0$/,
  / _SDA_BASE_$/,
  / _SDA2_BASE_$/,
  / __UNIQUE_ID_modinfo_[0-9]*$/,
  /\.long_branch\./,
  /\.plt_branch\./
];
function builtinMksysmap(version) {
  if (version && !atLeast(version, 6, 1)) return { origin: "built-in filter of 5.x kernels", patterns: BEFORE_6_1, dropsKallsymsObjectSymbols: false };
  if (version && !atLeast(version, 6, 4)) return { origin: "built-in filter of 6.1-6.3 kernels", patterns: GREP_6_1, dropsKallsymsObjectSymbols: false };
  if (version && !atLeast(version, 6, 11)) return { origin: "built-in filter of 6.4-6.10 kernels", patterns: SED_7_2, dropsKallsymsObjectSymbols: true };
  return { origin: "built-in filter of 6.11+ kernels", patterns: SED_7_2, dropsKallsymsObjectSymbols: false };
}
function parseMksysmapScript(text, file) {
  const patterns = [];
  const sedInShell = text.split("\n").some((line) => {
    const at = line.search(/\bsed\b/);
    return at >= 0 && /-e\s+"/.test(line.slice(at));
  });
  if (/^#!\s*\/bin\/sed\b/.test(text) || sedInShell) {
    for (const raw of text.split("\n")) {
      const m = /^\/(.*)\/d\s*$/.exec(raw);
      if (!m) continue;
      const re = sedInShell ? shellDoubleQuoteUnescape(m[1]) : m[1];
      patterns.push(breToRegExp(re, file));
    }
  } else {
    const dashE = [...text.matchAll(/-e\s+'([^']*)'/g)];
    if (dashE.length > 0) {
      for (const m of dashE) patterns.push(breToRegExp(m[1], file));
    } else {
      const m = /grep\s+-v\s+'([^']*)'/.exec(text);
      if (m) for (const alt of splitBreAlternatives(m[1])) patterns.push(breToRegExp(alt, file));
    }
  }
  if (patterns.length === 0) throw new InputError("unsupported", file, "no sed or grep patterns found in this mksysmap script");
  if (patterns.length > MAX_PATTERNS) throw new InputError("unsupported", file, `${patterns.length} patterns; a mksysmap has about 25, at most ${MAX_PATTERNS} are used`);
  return { origin: `${file}`, patterns, dropsKallsymsObjectSymbols: /\$\{?3\}?/.test(text) };
}
function shellDoubleQuoteUnescape(s) {
  return s.replace(/\\([$`"\\\n])/g, "$1");
}
function splitBreAlternatives(re) {
  return re.split("\\|").map((a) => a.replace(/^\\\(/, "").replace(/\\\)$/, ""));
}
var POSIX_CLASSES = {
  alnum: "A-Za-z0-9",
  alpha: "A-Za-z",
  digit: "0-9",
  xdigit: "0-9A-Fa-f",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  punct: "!-\\/:-@\\[-`{-~"
};
var MAX_PATTERNS = 200;
var MAX_PATTERN_CHARS = 1e3;
var MAX_REPEATS = 3;
function breToRegExp(bre, file) {
  if (bre.length > MAX_PATTERN_CHARS) throw new InputError("unsupported", file, `a pattern of ${bre.length} characters; mksysmap patterns are short`);
  let out = "";
  let repeats = 0;
  let afterGroup = false;
  const repeat = () => {
    if (afterGroup) throw new InputError("unsupported", file, `pattern ${JSON.stringify(bre)} repeats a group`);
    if (++repeats > MAX_REPEATS) throw new InputError("unsupported", file, `pattern ${JSON.stringify(bre)} has more than ${MAX_REPEATS} repetitions`);
  };
  for (let i = 0; i < bre.length; i++) {
    const c = bre[i];
    const wasAfterGroup = afterGroup;
    afterGroup = false;
    if (c === "\\") {
      const n = bre[++i];
      if (n === void 0) throw new InputError("bad-value", file, `pattern ${JSON.stringify(bre)} ends in a backslash`);
      if (n === "(" || n === ")" || n === "|") {
        out += n;
        afterGroup = n === ")";
      } else if (n === "{") {
        afterGroup = wasAfterGroup;
        repeat();
        out += n;
      } else if (n === "}") out += n;
      else if (/[0-9A-Za-z]/.test(n)) out += n === "w" || n === "s" || n === "W" || n === "S" || n === "b" ? "\\" + n : escapeJs(n);
      else out += escapeJs(n);
    } else if (c === "[") {
      const end = bracketEnd(bre, i);
      if (end < 0) throw new InputError("bad-value", file, `pattern ${JSON.stringify(bre)} has an unterminated [`);
      out += bracketToJs(bre.slice(i + 1, end), bre, file);
      i = end;
    } else if (c === "^") out += i === 0 ? "^" : "\\^";
    else if (c === "$") out += i === bre.length - 1 ? "$" : "\\$";
    else if (c === "*") {
      afterGroup = wasAfterGroup;
      repeat();
      out += c;
    } else if (c === ".") out += c;
    else out += escapeJs(c);
  }
  try {
    return new RegExp(out);
  } catch (err) {
    throw new InputError("bad-value", file, `pattern ${JSON.stringify(bre)}: ${err.message}`);
  }
}
function bracketToJs(body, bre, file) {
  let out = "[";
  let i = 0;
  if (body.startsWith("^")) {
    out += "^";
    i = 1;
  }
  for (; i < body.length; i++) {
    const c = body[i];
    if (c === "[" && body[i + 1] === ":") {
      const close = body.indexOf(":]", i + 2);
      const name = body.slice(i + 2, close);
      const cls = POSIX_CLASSES[name];
      if (cls === void 0) throw new InputError("unsupported", file, `character class [:${name}:] in ${JSON.stringify(bre)}`);
      out += cls;
      i = close + 1;
    } else if (c === "\\" || c === "]" || c === "[" || c === "^") out += "\\" + c;
    else out += c;
  }
  return out + "]";
}
function bracketEnd(re, open) {
  let i = open + 1;
  if (re[i] === "^") i++;
  if (re[i] === "]") i++;
  for (; i < re.length; i++) {
    if (re[i] === "[" && re[i + 1] === ":") {
      const close = re.indexOf(":]", i + 2);
      if (close < 0) return -1;
      i = close + 1;
    } else if (re[i] === "]") return i;
  }
  return -1;
}
function escapeJs(c) {
  return /[.*+?^${}()|[\]\\/-]/.test(c) ? "\\" + c : c;
}

// src/kallsyms/expected.ts
var KEPT_ABSOLUTE = /* @__PURE__ */ new Set(["__kernel_syscall_via_break", "__kernel_syscall_via_epc", "__kernel_sigtramp", "__gp"]);
var KSYM_NAME_LEN = 512;
var OLD_PREFIXES = [
  "__efistub_",
  "__kvm_nvhe_$",
  "__kvm_nvhe_.L",
  "__AArch64ADRPThunk_",
  "__ARMV5PILongThunk_",
  "__ARMV7PILongThunk_",
  "__ThumbV7PILongThunk_",
  "__LA25Thunk_",
  "__microLA25Thunk_",
  "__kcfi_typeid_"
];
var OLD_SUFFIXES = ["_from_arm", "_from_thumb", "_veneer"];
var OLD_MATCHES = [".long_branch.", ".plt_branch."];
var OLD_EXACT = /* @__PURE__ */ new Set(["_SDA_BASE_", "_SDA2_BASE_"]);
function droppedByDesign(sym, opts) {
  const { type, name } = sym;
  if (name.length >= KSYM_NAME_LEN) return `name longer than ${KSYM_NAME_LEN - 1} characters`;
  if (type === "u" || type === "n" || type === "U" || type === "N") return `type ${type}`;
  if (type.toUpperCase() === "A" && !KEPT_ABSOLUTE.has(name)) return "absolute symbol";
  const v = opts.version;
  if (!v || !atLeast(v, 6, 11)) {
    if (KALLSYMS_TABLE_SYMBOLS.includes(name)) return "kallsyms table symbol (left out before 6.11)";
  }
  if (v && !atLeast(v, 6, 4)) {
    if (OLD_EXACT.has(name) || OLD_PREFIXES.some((p) => name.startsWith(p)) || OLD_SUFFIXES.some((s) => name.endsWith(s)) || OLD_MATCHES.some((m) => name.includes(m))) {
      return "name pattern kallsyms.c ignored before 6.4";
    }
  }
  return null;
}
function expectedTable(map, opts, dropped) {
  const kept = [];
  const ranges = /* @__PURE__ */ new Map();
  for (const s of map) {
    const why = droppedByDesign(s, opts);
    if (why) {
      dropped?.(why);
      continue;
    }
    if (RANGE_NAMES.has(s.name) && !ranges.has(s.name)) ranges.set(s.name, s.addr);
    kept.push({ addr: s.addr, type: s.type, name: s.name });
  }
  let table = kept;
  if (!opts.allSymbols) {
    const inRange = (a, lo, hi) => {
      const l = ranges.get(lo);
      const h = ranges.get(hi);
      return l !== void 0 && h !== void 0 && a >= l && a <= h;
    };
    const etext = ranges.get("_etext");
    const einittext = ranges.get("_einittext");
    const boundaryNames = opts.version !== null && atLeast(opts.version, 6, 12);
    table = kept.filter((s) => {
      if (boundaryNames && (s.name.startsWith("__start_") || s.name.startsWith("__stop_"))) return true;
      if (!inRange(s.addr, "_stext", "_etext") && !inRange(s.addr, "_sinittext", "_einittext")) return false;
      if (s.addr === etext && s.name !== "_etext" || s.addr === einittext && s.name !== "_einittext") return false;
      return true;
    });
  }
  if (opts.absolutePercpu) {
    const lo = ranges.get("__per_cpu_start");
    const hi = ranges.get("__per_cpu_end");
    if (lo !== void 0 && hi !== void 0) {
      for (const s of table) if (s.addr >= lo && s.addr <= hi) s.type = "A";
    }
  }
  table.sort(compareSymbols);
  return table;
}
var RANGE_NAMES = /* @__PURE__ */ new Set(["_stext", "_etext", "_sinittext", "_einittext", "__per_cpu_start", "__per_cpu_end"]);
function isWeak(s) {
  return s.type === "w" || s.type === "W" ? 1 : 0;
}
function linkerScriptProvided(n) {
  if (n.length < 8 || !n.startsWith("__")) return 0;
  return n.startsWith("__start_", 0) || n.startsWith("__stop_") || n.startsWith("__end_") || n.endsWith("_start") || n.endsWith("_end") ? 1 : 0;
}
function leadingUnderscores(n) {
  let i = 0;
  while (n.charCodeAt(i) === 95) i++;
  return i;
}
function compareAtOneAddress(a, b) {
  return isWeak(a) - isWeak(b) || linkerScriptProvided(a.name) - linkerScriptProvided(b.name) || leadingUnderscores(a.name) - leadingUnderscores(b.name);
}
function compareSymbols(a, b) {
  if (a.addr !== b.addr) return a.addr < b.addr ? -1 : 1;
  return compareAtOneAddress(a, b);
}

// src/kallsyms/verify-packed.ts
var TYPE_ABSOLUTE = 65;
var DROPPABLE_TYPES = /* @__PURE__ */ new Set([117, 110, 85, 78, 65, 97]);
function matchPacked(decoded, map, opts) {
  const table = decoded.packed;
  const p = map.packed;
  const text = p.text;
  const n = map.count;
  const v = opts.version;
  const tableSymbolsDropped = !v || !atLeast(v, 6, 11);
  const everyName = v !== null && !atLeast(v, 6, 4);
  const dropped = {};
  const ranges = /* @__PURE__ */ new Map();
  let kept = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const s = p.nameStart[i];
    const len = p.nameEnd[i] - s;
    const type = p.types[i];
    if (everyName || len >= KSYM_NAME_LEN || DROPPABLE_TYPES.has(type) || tableSymbolsDropped && text.startsWith("kallsyms_", s)) {
      const why = droppedByDesign({ type: String.fromCharCode(type), name: text.slice(s, s + len) }, opts);
      if (why) {
        dropped[why] = (dropped[why] ?? 0) + 1;
        continue;
      }
    }
    if (len >= 6 && len <= 15 && text.charCodeAt(s) === 95) {
      const name = text.slice(s, s + len);
      if (RANGE_NAMES.has(name) && !ranges.has(name)) ranges.set(name, i);
    }
    kept[k++] = i;
  }
  if (!opts.allSymbols) {
    const inRange = (i, lo, hi) => {
      const l = ranges.get(lo);
      const h = ranges.get(hi);
      return l !== void 0 && h !== void 0 && compareAddr(p.words, i, l) >= 0 && compareAddr(p.words, i, h) <= 0;
    };
    const etext = ranges.get("_etext");
    const einittext = ranges.get("_einittext");
    const boundaryNames = v !== null && atLeast(v, 6, 12);
    let w = 0;
    for (let j = 0; j < k; j++) {
      const i = kept[j];
      const s = p.nameStart[i];
      if (!(boundaryNames && (text.startsWith("__start_", s) || text.startsWith("__stop_", s)))) {
        if (!inRange(i, "_stext", "_etext") && !inRange(i, "_sinittext", "_einittext")) continue;
        if (etext !== void 0 && compareAddr(p.words, i, etext) === 0 && !nameIs(p, i, "_etext")) continue;
        if (einittext !== void 0 && compareAddr(p.words, i, einittext) === 0 && !nameIs(p, i, "_einittext"))
          continue;
      }
      kept[w++] = i;
    }
    k = w;
  }
  kept = kept.subarray(0, k);
  const types = new Uint16Array(k);
  const percpuLo = opts.absolutePercpu ? ranges.get("__per_cpu_start") : void 0;
  const percpuHi = opts.absolutePercpu ? ranges.get("__per_cpu_end") : void 0;
  for (let j = 0; j < k; j++) {
    const i = kept[j];
    const percpu = percpuLo !== void 0 && percpuHi !== void 0 && compareAddr(p.words, i, percpuLo) >= 0 && compareAddr(p.words, i, percpuHi) <= 0;
    types[j] = percpu ? TYPE_ABSOLUTE : p.types[i];
  }
  if (k !== decoded.count || !inKallsymsOrder(p, kept, types)) return null;
  for (let j = 0; j < k; j++) {
    const i = kept[j];
    if (table.words[2 * j] !== p.words[2 * i] || table.words[2 * j + 1] !== p.words[2 * i + 1] || table.types[j] !== types[j])
      return null;
    const s = p.nameStart[i];
    const len = p.nameEnd[i] - s;
    const at = table.nameAt[j];
    if (at + len >= table.names.length || table.names[at + len] !== 0) return null;
    for (let c = 0; c < len; c++) {
      const ch = text.charCodeAt(s + c);
      if (ch > 127 || table.names[at + c] !== ch) return null;
    }
  }
  return { dropped, kept: k };
}
function nameIs(p, i, name) {
  return p.nameEnd[i] - p.nameStart[i] === name.length && p.text.startsWith(name, p.nameStart[i]);
}
function inKallsymsOrder(p, kept, types) {
  for (let j = 1; j < kept.length; j++) {
    const c = compareAddr(p.words, kept[j], kept[j - 1]);
    if (c < 0) return false;
    if (c > 0) continue;
    let end = j + 1;
    while (end < kept.length && compareAddr(p.words, kept[end], kept[j - 1]) === 0) end++;
    sortRun(p, kept, types, j - 1, end);
    j = end - 1;
  }
  return true;
}
function sortRun(p, kept, types, from, to) {
  const run = [];
  for (let j = from; j < to; j++) {
    const line = kept[j];
    const code = types[j];
    run.push({
      line,
      code,
      type: String.fromCharCode(code),
      name: p.text.slice(p.nameStart[line], p.nameEnd[line])
    });
  }
  run.sort(compareAtOneAddress);
  run.forEach((r, o) => {
    kept[from + o] = r.line;
    types[from + o] = r.code;
  });
}

// src/kallsyms/verify-table.ts
function optionsForTable(table, known) {
  let version = known.version;
  if (!version) {
    const hasOwn = firstNamed(table.packed, table.count, "kallsyms_names") >= 0;
    const offsetsFirst = table.layout.addresses < table.layout.numSyms;
    version = hasOwn ? { major: 6, minor: 11, patch: 0 } : offsetsFirst ? { major: 6, minor: 1, patch: 0 } : { major: 6, minor: 4, patch: 0 };
  }
  const allSymbols = known.allSymbols ?? hasNonTextSymbols(table);
  return { version, allSymbols, absolutePercpu: table.layout.mode === "absolute-percpu" };
}
function hasNonTextSymbols(table) {
  const p = table.packed;
  const n = table.count;
  const [st, et, si, ei] = ["_stext", "_etext", "_sinittext", "_einittext"].map((name) => firstNamed(p, n, name));
  if (st < 0 || et < 0) return true;
  const within = (j, lo, hi) => lo >= 0 && hi >= 0 && compareAddr(p.words, j, lo) >= 0 && compareAddr(p.words, j, hi) <= 0;
  for (let j = 0; j < n; j++) {
    if (startsWith2(p, j, "__start_") || startsWith2(p, j, "__stop_")) continue;
    if (!within(j, st, et) && !within(j, si, ei)) return true;
  }
  return false;
}
function firstNamed(p, n, name) {
  for (let j = 0; j < n; j++) if (startsWith2(p, j, name) && p.names[p.nameAt[j] + name.length] === 0) return j;
  return -1;
}
function startsWith2(p, j, prefix) {
  const at = p.nameAt[j];
  if (at + prefix.length > p.names.length) return false;
  for (let c = 0; c < prefix.length; c++) if (p.names[at + c] !== prefix.charCodeAt(c)) return false;
  return true;
}
function verifyTable(table, systemMap, options) {
  const match = matchPacked(table, systemMap, options);
  const dropped = match?.dropped ?? {};
  const expected = match ? null : expectedTable(systemMap.symbols, options, (why) => dropped[why] = (dropped[why] ?? 0) + 1);
  const designDrops = Object.values(dropped).reduce((a, b) => a + b, 0);
  const kept = match ? match.kept : expected.length;
  const outsideText = systemMap.count - designDrops - kept;
  if (outsideText > 0) dropped["outside the text sections (no KALLSYMS_ALL)"] = outsideText;
  return { options, dropped, diff: expected ? compareSymbolLists(expected, table.entries) : sameLists(kept) };
}
function sameLists(n) {
  return { before: n, after: n, identical: true, lost: [], added: [], moved: [], retyped: [], firstOrderDifference: null };
}

// src/report/text-blocks.ts
function plain(t) {
  const one = (i) => typeof i === "string" ? i : "code" in i ? i.code : i.strong;
  return Array.isArray(t) ? t.map(one).join("") : one(t);
}
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
var CONTROL_ALL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
function safeTerminal(s) {
  if (!CONTROL.test(s)) return s;
  return s.replace(CONTROL_ALL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
function renderBlocksText(blocks, indent = "") {
  const out = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "paragraph":
        out.push(indent + safeTerminal(plain(b.text)));
        break;
      case "list":
        for (const i of b.items) out.push(`${indent}- ${safeTerminal(plain(i))}`);
        break;
      case "code":
        for (const l of b.text.split("\n")) out.push(`${indent}    ${safeTerminal(l)}`);
        break;
      case "details":
        out.push(`${indent}${safeTerminal(plain(b.summary))}:`);
        for (const x of renderBlocksText(b.blocks, indent + "  ")) out.push(x);
        break;
      case "table": {
        const cells = [b.columns, ...b.rows.map((r) => r.map((c) => safeTerminal(plain(c))))];
        const widths = b.columns.map((_, i) => cells.reduce((w, r) => Math.max(w, (r[i] ?? "").length), 0));
        cells.forEach((r, ri) => {
          const line = r.map((c, i) => b.align?.[i] === "right" ? c.padStart(widths[i]) : c.padEnd(widths[i])).join("  ").trimEnd();
          out.push(indent + line);
          if (ri === 0) out.push(indent + widths.map((w) => "-".repeat(w)).join("  "));
        });
        break;
      }
    }
  }
  return out;
}

// src/cli/kallsyms-command.ts
var SHOWN2 = 50;
function parseBase(v) {
  if (!/^(0x)?[0-9a-fA-F]{1,16}$/.test(v)) throw new InputError("bad-value", "--base", `${JSON.stringify(v)} is not a hexadecimal address`);
  return BigInt(v.startsWith("0x") ? v : "0x" + v);
}
function plain2(t) {
  const one = (i) => typeof i === "string" ? i : Array.isArray(i) ? i.map(one).join("") : "code" in i ? i.code : i.strong;
  return one(t);
}
function registerKallsyms(program2) {
  program2.command("kallsyms").description("decode the kallsyms table of a vmlinux or boot image (bzImage, Image, Image.gz) and print it as System.map lines").argument("<image>", "vmlinux (with or without symbols), bzImage/vmlinuz, arm64 Image or Image.gz").option("--base <address>", "address a raw arm64 Image is linked at (default 0xffff800080000000)").option("--system-map <file>", "compare the table with this System.map; report differences on stderr, exit 1 if any").option("--kernel-version <x.y>", "kernel version for --system-map, when the table alone cannot tell").action(async (image, flags) => {
    const options = flags.base === void 0 ? {} : { base: parseBase(flags.base) };
    const e = await readEmbeddedTable(image, image, options);
    process.stdout.write(formatTable(e.table, e.is64 ? 16 : 8));
    for (const n of e.notes) process.stderr.write(`kbuild-review: note: ${n}
`);
    for (const i of e.table.issues) process.stderr.write(`kbuild-review: ${image}: ${safeTerminal(i.message)}
`);
    let status = e.table.issues.length ? 1 : 0;
    if (flags.systemMap) {
      const map = parseSystemMap((0, import_node_fs4.readFileSync)(flags.systemMap, "utf8"), flags.systemMap);
      const version = flags.kernelVersion ? parseKernelVersion(flags.kernelVersion) : null;
      const v = verifyTable(e.table, map, optionsForTable(e.table, { version }));
      const dropped = Object.entries(v.dropped).map(([why, n]) => `${n} ${why}`).join(", ");
      if (v.diff.identical) {
        process.stderr.write(`kbuild-review: the table matches ${flags.systemMap} (${e.table.count} symbols; left out by design: ${dropped || "none"})
`);
      } else {
        status = 1;
        process.stderr.write(`kbuild-review: the table differs from ${flags.systemMap}: ${diffSummary(v.diff)}
`);
        const rows = diffRows(v.diff, null);
        for (const row of rows.slice(0, SHOWN2)) process.stderr.write(`  ${safeTerminal(row.map(plain2).join("  "))}
`);
        if (rows.length > SHOWN2) process.stderr.write(`  \u2026 and ${rows.length - SHOWN2} more
`);
      }
    }
    process.exitCode = status;
  });
}

// src/cli/commands.ts
var COMMANDS = [registerKallsyms];

// src/cli/check-command.ts
var import_node_fs20 = __toESM(require_node_fs(), 1);
var import_node_url = __toESM(require_node_url(), 1);

// src/engine.ts
var import_node_fs18 = __toESM(require_node_fs(), 1);
var import_node_os4 = __toESM(require_node_os(), 1);

// src/model/build.ts
var import_node_fs7 = __toESM(require_node_fs(), 1);
var import_node_path2 = __toESM(require_node_path(), 1);

// src/load/hint-board.ts
var import_node_worker_threads = __toESM(require_node_worker_threads(), 1);
var HintBoard = class {
  table = /* @__PURE__ */ new Map();
  ports = /* @__PURE__ */ new Set();
  set(analyzer, byModule) {
    this.table.set(analyzer, byModule);
    for (const p of this.ports) p.postMessage([analyzer, byModule]);
  }
  /** A new channel for a worker: its end (every hint so far already queued), and how to close it. */
  connect() {
    const { port1, port2 } = new import_node_worker_threads.MessageChannel();
    this.ports.add(port1);
    for (const entry of this.table) port1.postMessage(entry);
    return {
      port: port2,
      disconnect: () => {
        this.ports.delete(port1);
        port1.close();
      }
    };
  }
};
var HintReader = class {
  table;
  port;
  constructor(source) {
    this.port = source && !(source instanceof Map) ? source : void 0;
    this.table = source instanceof Map ? source : /* @__PURE__ */ new Map();
  }
  /** Every hint so far (analyzer id -> module name -> hint); takes in what the port holds first. */
  read() {
    if (this.port) {
      for (let m = (0, import_node_worker_threads.receiveMessageOnPort)(this.port); m; m = (0, import_node_worker_threads.receiveMessageOnPort)(this.port)) {
        const [id, byModule] = m.message;
        this.table.set(id, byModule);
      }
    }
    return this.table;
  }
};

// src/load/pool.ts
var import_node_os3 = __toESM(require_node_os(), 1);
var import_node_worker_threads3 = __toESM(require_node_worker_threads(), 1);

// src/load/analyze-module.ts
var import_node_fs5 = __toESM(require_node_fs(), 1);

// src/bytes/read-arena.ts
var ReadArena = class {
  buffer = null;
  used = 0;
  holders = 0;
  capacity;
  constructor(capacity) {
    this.capacity = capacity;
  }
  hold() {
    this.holders++;
  }
  release() {
    if (this.holders > 0 && --this.holders === 0) this.used = 0;
  }
  /** `length` bytes, uninitialized: from the arena while it is held and has room, else a fresh buffer. */
  take(length) {
    const start = this.used + 15 & ~15;
    if (this.holders === 0 || start + length > this.capacity) return Buffer.allocUnsafe(length);
    this.buffer ??= Buffer.allocUnsafeSlow(this.capacity);
    this.used = start + length;
    return this.buffer.subarray(start, start + length);
  }
};

// src/load/signature.ts
var MAGIC = Buffer.from("~Module signature appended~\n", "latin1");
var INFO_SIZE = 12;
function splitSignature(bytes2) {
  const trailer = signatureTrailerBytes(bytes2.subarray(Math.max(0, bytes2.length - TAIL_BYTES)), bytes2.length);
  return { elf: trailer ? bytes2.subarray(0, bytes2.length - trailer) : bytes2, signatureBytes: trailer };
}
var TAIL_BYTES = 40;
function signatureTrailerBytes(tail, fileSize) {
  const n = tail.length;
  if (n < MAGIC.length + INFO_SIZE) return 0;
  for (let i = 0; i < MAGIC.length; i++) {
    if (tail[n - MAGIC.length + i] !== MAGIC[i]) return 0;
  }
  const info = n - MAGIC.length - INFO_SIZE;
  const signerLen = tail[info + 3];
  const keyIdLen = tail[info + 4];
  const sigLen = new DataView(tail.buffer, tail.byteOffset + info + 8, 4).getUint32(0, false);
  const trailer = MAGIC.length + INFO_SIZE + signerLen + keyIdLen + sigLen;
  return trailer > fileSize ? 0 : trailer;
}

// src/load/analyze-module.ts
async function readModuleImage(mod, preloaded) {
  if (preloaded) {
    const { elf: elf2, signatureBytes: signatureBytes2 } = splitSignature(preloaded.bytes);
    return { elf: ElfFile.fromBytes(elf2, mod.relPath), fileBytes: preloaded.fileBytes, signatureBytes: signatureBytes2 };
  }
  const st = (0, import_node_fs5.statSync)(mod.path, { throwIfNoEntry: false });
  if (!st) throw new InputError("io", mod.relPath, "no such file");
  if (!st.isFile()) throw new InputError("not-a-file", mod.relPath, st.isDirectory() ? "is a directory" : "is not a regular file");
  if (st.size > LIMITS.maxModuleBytes) {
    throw new InputError("too-large", mod.relPath, `${st.size} bytes is more than the ${LIMITS.maxModuleBytes}-byte module limit`);
  }
  if (mod.compression === "none" && st.size > WHOLE_READ_BYTES) return openUncompressed(mod);
  const raw = readWhole(mod);
  if (mod.compression === "none") {
    const { elf: elf2, signatureBytes: signatureBytes2 } = splitSignature(raw);
    return { elf: ElfFile.fromBytes(elf2, mod.relPath), fileBytes: raw.length, signatureBytes: signatureBytes2 };
  }
  const bytes2 = await decompress(raw, mod.compression, mod.relPath);
  const { elf, signatureBytes } = splitSignature(bytes2);
  return { elf: ElfFile.fromBytes(elf, mod.relPath), fileBytes: raw.length, signatureBytes };
}
var arena = new ReadArena(16 * 1024 * 1024);
function readWhole(mod) {
  const source = new FileSource(mod.path, mod.relPath, arena);
  try {
    return source.read(0, source.size, "module file");
  } finally {
    source.close();
  }
}
var WHOLE_READ_BYTES = 64 * 1024;
function openUncompressed(mod) {
  const source = new FileSource(mod.path, mod.relPath, arena);
  const fileBytes = source.size;
  try {
    const tail = source.read(Math.max(0, fileBytes - TAIL_BYTES), Math.min(fileBytes, TAIL_BYTES), "signature trailer");
    const signatureBytes = signatureTrailerBytes(tail, fileBytes);
    source.limit(fileBytes - signatureBytes);
    return { elf: ElfFile.open(source), fileBytes, signatureBytes };
  } catch (err) {
    source.close();
    throw err;
  }
}
function emptySummary(mod, error) {
  const summary = {
    name: mod.name,
    relPath: mod.relPath,
    compression: mod.compression,
    fileBytes: 0,
    elfBytes: 0,
    signatureBytes: 0,
    facts: {},
    factErrors: {}
  };
  if (error !== void 0) summary.error = error;
  return summary;
}
async function analyzeModule(mod, analyzers, options, memo, preloaded, hints) {
  const summary = emptySummary(mod);
  arena.hold();
  try {
    return await analyzeHeld(mod, analyzers, options, memo, summary, preloaded, hints);
  } finally {
    arena.release();
  }
}
async function analyzeHeld(mod, analyzers, options, memo, summary, preloaded, hints) {
  let image;
  try {
    image = await readModuleImage(mod, preloaded);
  } catch (err) {
    summary.error = describeError(err);
    return summary;
  }
  summary.fileBytes = image.fileBytes;
  summary.elfBytes = image.elf.source.size;
  summary.signatureBytes = image.signatureBytes;
  const table = hints?.read();
  try {
    for (const a of analyzers) {
      try {
        const ctx = { module: mod, options, memo };
        const byModule = table?.get(a.id);
        if (byModule) {
          ctx.hinted = true;
          if (byModule.has(mod.name)) ctx.hint = byModule.get(mod.name);
        }
        summary.facts[a.id] = a.analyze(image.elf, ctx);
      } catch (err) {
        summary.factErrors[a.id] = describeError(err);
      }
    }
  } finally {
    image.elf.close();
  }
  return summary;
}

// src/load/xz-batch.ts
var import_node_fs6 = __toESM(require_node_fs(), 1);
var xzPath;
var childProcess2 = () => process.getBuiltinModule("node:child_process");
var nodeCrypto = () => process.getBuiltinModule("node:crypto");
function systemXz() {
  if (xzPath === void 0) {
    const r = childProcess2().spawnSync("xz", ["--version"], { stdio: ["ignore", "pipe", "ignore"] });
    xzPath = r.status === 0 && /liblzma/.test(r.stdout.toString()) ? "xz" : null;
  }
  return xzPath;
}
async function decodeXzBatch(modules, onDecoded) {
  const xz = systemXz();
  const plan = [];
  for (const { index, module } of modules) {
    try {
      const st = (0, import_node_fs6.statSync)(module.path);
      if (!st.isFile() || st.size > LIMITS.maxModuleBytes) break;
      const input = (0, import_node_fs6.readFileSync)(module.path);
      const size = xzUncompressedSize(input, module.relPath);
      if (input.length > LIMITS.maxModuleBytes || size > LIMITS.maxDecompressedBytes) break;
      plan.push({ index, input, size });
    } catch {
      break;
    }
  }
  let emitted = 0;
  const giveBack = () => {
    for (; emitted < modules.length; emitted++) onDecoded({ index: modules[emitted].index, fileBytes: 0 });
  };
  if (!xz || plan.length === 0) return giveBack();
  const nonce = nodeCrypto().randomBytes(16);
  const marker = childProcess2().spawnSync(xz, ["-c", "-0", "--check=none"], { input: nonce });
  if (marker.status !== 0) return giveBack();
  const separator = marker.stdout;
  const ok = await new Promise((resolve4) => {
    const child = childProcess2().spawn(xz, ["-dc", "-q", "-q"], { stdio: ["pipe", "pipe", "ignore"] });
    let cur = 0;
    let buf = Buffer.allocUnsafeSlow(plan[0].size);
    let filled = 0;
    let seen = plan[0].size === 0 ? 0 : -1;
    let failed2 = false;
    const abort = () => {
      failed2 = true;
      child.kill();
    };
    child.stdout.on("data", (chunk) => {
      let o = 0;
      while (o < chunk.length && !failed2) {
        if (cur >= plan.length) return abort();
        if (seen < 0) {
          const n2 = Math.min(chunk.length - o, plan[cur].size - filled);
          chunk.copy(buf, filled, o, o + n2);
          filled += n2;
          o += n2;
          if (filled === plan[cur].size) seen = 0;
          continue;
        }
        const n = Math.min(chunk.length - o, nonce.length - seen);
        if (!chunk.subarray(o, o + n).equals(nonce.subarray(seen, seen + n))) return abort();
        seen += n;
        o += n;
        if (seen < nonce.length) continue;
        onDecoded({ index: plan[cur].index, bytes: buf, fileBytes: plan[cur].input.length });
        emitted++;
        cur++;
        filled = 0;
        buf = Buffer.allocUnsafeSlow(cur < plan.length ? plan[cur].size : 0);
        seen = cur < plan.length && plan[cur].size === 0 ? 0 : -1;
      }
    });
    child.on("error", () => resolve4(false));
    child.stdin.on("error", () => void 0);
    child.on("close", (code) => resolve4(code === 0 && !failed2 && cur === plan.length));
    void (async () => {
      for (const p of plan) {
        for (const data of [p.input, separator]) {
          if (!child.stdin.write(data)) await new Promise((r) => child.stdin.once("drain", r));
        }
      }
      child.stdin.end();
    })().catch(() => child.kill());
  });
  void ok;
  giveBack();
}

// src/load/vermagic.ts
var VERMAGIC = Buffer.from("vermagic=");
function vermagicIn(modinfo) {
  const bytes2 = Buffer.from(modinfo.buffer, modinfo.byteOffset, modinfo.byteLength);
  for (let at = bytes2.indexOf(VERMAGIC); at >= 0; at = bytes2.indexOf(VERMAGIC, at + 1)) {
    if (at > 0 && bytes2[at - 1] !== 0) continue;
    let end = bytes2.indexOf(0, at);
    if (end < 0) end = bytes2.length;
    return bytes2.toString("latin1", at + VERMAGIC.length, end);
  }
  return void 0;
}
function vermagicOf(elf) {
  const sec = elf.section(".modinfo");
  return sec ? vermagicIn(elf.data(sec)) : void 0;
}

// src/btf/btf.ts
var import_node_os = __toESM(require_node_os(), 1);

// src/btf/kinds.ts
var KIND = {
  UNKN: 0,
  INT: 1,
  PTR: 2,
  ARRAY: 3,
  STRUCT: 4,
  UNION: 5,
  ENUM: 6,
  FWD: 7,
  TYPEDEF: 8,
  VOLATILE: 9,
  CONST: 10,
  RESTRICT: 11,
  FUNC: 12,
  FUNC_PROTO: 13,
  VAR: 14,
  DATASEC: 15,
  FLOAT: 16,
  DECL_TAG: 17,
  TYPE_TAG: 18,
  ENUM64: 19
};
function layout(kind, name, third, infoBytes = 0, elemBytes = 0, refs = {}) {
  return {
    kind,
    name,
    third,
    infoBytes,
    elemBytes,
    infoIds: refs.infoIds ?? [],
    elemIds: refs.elemIds ?? [],
    elemNames: refs.elemNames ?? []
  };
}
var KINDS = [
  void 0,
  layout(KIND.INT, "INT", "size", 4),
  layout(KIND.PTR, "PTR", "type"),
  layout(KIND.ARRAY, "ARRAY", "unused", 12, 0, { infoIds: [0, 1] }),
  layout(KIND.STRUCT, "STRUCT", "size", 0, 12, { elemIds: [1], elemNames: [0] }),
  layout(KIND.UNION, "UNION", "size", 0, 12, { elemIds: [1], elemNames: [0] }),
  layout(KIND.ENUM, "ENUM", "size", 0, 8, { elemNames: [0] }),
  layout(KIND.FWD, "FWD", "unused"),
  layout(KIND.TYPEDEF, "TYPEDEF", "type"),
  layout(KIND.VOLATILE, "VOLATILE", "type"),
  layout(KIND.CONST, "CONST", "type"),
  layout(KIND.RESTRICT, "RESTRICT", "type"),
  layout(KIND.FUNC, "FUNC", "type"),
  layout(KIND.FUNC_PROTO, "FUNC_PROTO", "type", 0, 8, { elemIds: [1], elemNames: [0] }),
  layout(KIND.VAR, "VAR", "type", 4),
  layout(KIND.DATASEC, "DATASEC", "size", 0, 12, { elemIds: [0] }),
  layout(KIND.FLOAT, "FLOAT", "size"),
  layout(KIND.DECL_TAG, "DECL_TAG", "type", 4),
  layout(KIND.TYPE_TAG, "TYPE_TAG", "type"),
  layout(KIND.ENUM64, "ENUM64", "size", 0, 12, { elemNames: [0] })
];
function kindName(kind) {
  return KINDS[kind]?.name ?? `kind ${kind}`;
}
var NARROW_INFO = { kindMask: 31, vlenMask: 65535, reserved: ~2667642879 >>> 0 };
var WIDE_INFO = { kindMask: 127, vlenMask: 16777215, reserved: 0 };
var BTF_MAGIC = 60319;
var BTF_VERSION = 1;
var HEADER_V1_BYTES = 24;
var HEADER_LAYOUT_BYTES = 32;
var MAX_TYPE_ID = 1048575;
var MAX_NAME_OFFSET = 16777215;

// src/btf/names.ts
var KSYM_NAME_LEN2 = 512;
var ALPHA = 1;
var DIGIT = 2;
var PRINT = 4;
var CTYPE = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  let v = 0;
  const upper = c >= 65 && c <= 90 || c >= 192 && c <= 222 && c !== 215;
  const lower = c >= 97 && c <= 122 || c >= 223 && c !== 247;
  if (upper || lower) v |= ALPHA;
  if (c >= 48 && c <= 57) v |= DIGIT;
  if (c >= 32 && c <= 126 || c >= 160) v |= PRINT;
  CTYPE[c] = v;
}
var IDENT_FIRST = new Uint8Array(256);
var IDENT_REST = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const punct = c === 95 || c === 46;
  IDENT_FIRST[c] = punct || (CTYPE[c] & ALPHA) !== 0 ? 1 : 0;
  IDENT_REST[c] = punct || (CTYPE[c] & (ALPHA | DIGIT)) !== 0 ? 1 : 0;
}
function isValidIdentifier(bytes2, pos) {
  const n = bytes2.length;
  if (pos >= n || IDENT_FIRST[bytes2[pos]] === 0) return false;
  let p = pos + 1;
  while (p < n && IDENT_REST[bytes2[p]] === 1) p++;
  return p < n && bytes2[p] === 0 && p - pos <= KSYM_NAME_LEN2;
}
function isValidSectionName(bytes2, pos) {
  if (pos >= bytes2.length || bytes2[pos] === 0) return false;
  const limit = pos + KSYM_NAME_LEN2;
  let p = pos;
  while (p < bytes2.length && bytes2[p] !== 0 && p < limit) {
    if ((CTYPE[bytes2[p]] & PRINT) === 0) return false;
    p++;
  }
  return p < bytes2.length && bytes2[p] === 0;
}
function cStringAt(bytes2, pos) {
  let end = bytes2.indexOf(0, pos);
  if (end < 0) end = bytes2.length;
  return Buffer.from(bytes2.buffer, bytes2.byteOffset + pos, end - pos).toString("latin1");
}

// src/btf/btf.ts
var HOST_LE = (0, import_node_os.endianness)() === "LE";
var Btf = class {
  file;
  base;
  header;
  littleEndian;
  encoding;
  words;
  recs;
  strings;
  firstId;
  count;
  startStrOff;
  /** Per-kind sizes from the layout section, when the BTF has one. */
  layout;
  /** Lazily built name index of this BTF's own types (relocation, evidence). */
  byName;
  kindsCache;
  /** Per own string offset: 0 not yet known, 1 a valid identifier, 2 not one (module checks ask often). */
  identCache;
  constructor(init) {
    this.file = init.file;
    this.base = init.base;
    this.header = init.header;
    this.littleEndian = init.littleEndian;
    this.encoding = init.encoding;
    this.words = init.words;
    this.recs = init.recs;
    this.strings = init.strings;
    this.layout = init.layout;
    this.firstId = init.base ? init.base.endId : 1;
    this.count = init.recs.length;
    this.startStrOff = init.base ? init.base.strEnd : 0;
  }
  /** One past the last type id. */
  get endId() {
    return this.firstId + this.count;
  }
  /** One past the last string offset (base strings included). */
  get strEnd() {
    return this.startStrOff + this.header.strLen;
  }
  get isSplit() {
    return this.base !== null;
  }
  /** The BTF whose own types include `id`; null for void and ids out of range. */
  holder(id) {
    if (id >= this.firstId) return id < this.endId ? this : null;
    return this.base ? this.base.holder(id) : null;
  }
  /** Word index of the record of `id` in holder(id).words. */
  rec(id) {
    const h = this.holder(id);
    if (!h) throw new RangeError(`type id ${id} is not in ${this.file}`);
    return h.recs[id - h.firstId];
  }
  /** Word `k` of the record of `id` (0 name_off, 1 info, 2 size/type, 3.. what follows). */
  word(id, k) {
    const h = this.holder(id);
    if (!h) throw new RangeError(`type id ${id} is not in ${this.file}`);
    return h.words[h.recs[id - h.firstId] + k];
  }
  /** Kind of `id`: 0 for void, -1 for an id that does not exist. */
  kind(id) {
    if (id === 0) return KIND.UNKN;
    const h = this.holder(id);
    if (!h) return -1;
    return h.words[h.recs[id - h.firstId] + 1] >>> 24 & h.encoding.kindMask;
  }
  /** Kinds of the own types by index (id - firstId), computed once: for loops over many references. */
  kindTable() {
    if (!this.kindsCache) {
      const t = new Uint8Array(this.count);
      const mask = this.encoding.kindMask;
      for (let i = 0; i < this.count; i++) t[i] = this.words[this.recs[i] + 1] >>> 24 & mask;
      this.kindsCache = t;
    }
    return this.kindsCache;
  }
  vlen(id) {
    return this.word(id, 1) & this.holder(id).encoding.vlenMask;
  }
  kflag(id) {
    return this.word(id, 1) >>> 31 === 1;
  }
  nameOff(id) {
    return id === 0 ? 0 : this.word(id, 0);
  }
  /** The size or type word. */
  third(id) {
    return this.word(id, 2);
  }
  /** The string at a (global) offset; undefined when the offset is outside every string section. */
  str(off) {
    if (off < this.startStrOff) return this.base?.str(off);
    const local = off - this.startStrOff;
    if (local >= this.header.strLen) return void 0;
    return cStringAt(this.strings, local);
  }
  /** Bytes and position of a string offset, for checks that look at the characters. */
  strBytes(off) {
    if (off < this.startStrOff) return this.base?.strBytes(off);
    const local = off - this.startStrOff;
    if (local >= this.header.strLen) return void 0;
    return { bytes: this.strings, pos: local };
  }
  /** Whether the string at `off` is a name the kernel accepts as an identifier (btf_name_valid_identifier). */
  isIdentifierAt(off) {
    if (off < this.startStrOff) return this.base ? this.base.isIdentifierAt(off) : false;
    const local = off - this.startStrOff;
    if (local >= this.header.strLen) return false;
    const cache2 = this.identCache ??= new Uint8Array(this.header.strLen);
    let v = cache2[local];
    if (!v) cache2[local] = v = isValidIdentifier(this.strings, local) ? 1 : 2;
    return v === 1;
  }
  /** Whether an offset is where a string begins (offset 0 or just after a NUL). */
  isStringStart(off) {
    if (off < this.startStrOff) return this.base ? this.base.isStringStart(off) : false;
    const local = off - this.startStrOff;
    if (local >= this.header.strLen) return false;
    return local === 0 || this.strings[local - 1] === 0;
  }
  /** Name of a type ('' for anonymous types and void). */
  name(id) {
    return this.str(this.nameOff(id)) ?? "";
  }
  /** "STRUCT 'task_struct'", "PTR (anon)": how reports name a type. */
  describe(id) {
    if (id === 0) return "void";
    const k = this.kind(id);
    if (k < 0) return `type id ${id} (no such type)`;
    const n = this.name(id);
    return `${kindName(k)} ${n ? `'${n}'` : "(anon)"}`;
  }
  /** Own type ids with this exact name (built on first use). */
  idsNamed(name) {
    if (!this.byName) {
      const m = /* @__PURE__ */ new Map();
      for (let i = 0; i < this.count; i++) {
        const off = this.words[this.recs[i]];
        if (off === 0) continue;
        const n = this.str(off);
        if (n === void 0 || n === "") continue;
        const list = m.get(n);
        if (list) list.push(this.firstId + i);
        else m.set(n, [this.firstId + i]);
      }
      this.byName = m;
    }
    return this.byName.get(name) ?? [];
  }
};
function parseBtf(bytes2, file, opts = {}) {
  const base = opts.base ?? null;
  const encoding = opts.encoding ?? WIDE_INFO;
  const { header, littleEndian } = parseHeader(bytes2, file);
  const data = bytes2.subarray(header.hdrLen);
  const strings = data.subarray(header.strOff, header.strOff + header.strLen);
  checkStrings(strings, file, base !== null);
  const layout2 = parseLayout(data, header, file);
  const words = nativeWords(data.subarray(header.typeOff, header.typeOff + header.typeLen), littleEndian);
  const firstId = base ? base.endId : 1;
  const recs = walkRecords(words, header.typeLen, encoding, layout2, firstId, file);
  const btf = new Btf({ file, base, header, littleEndian, encoding, words, recs, strings, layout: layout2 });
  if (opts.checkRefs ?? true) checkReferences(btf);
  return btf;
}
function parseHeader(bytes2, file) {
  if (bytes2.length < 8)
    throw new InputError("truncated", file, `BTF is ${bytes2.length} bytes, too short for a BTF header`);
  const dv = new DataView(bytes2.buffer, bytes2.byteOffset, bytes2.byteLength);
  let le = true;
  if (dv.getUint16(0, true) !== BTF_MAGIC) {
    if (dv.getUint16(0, false) !== BTF_MAGIC) {
      throw new InputError(
        "bad-magic",
        file,
        `not BTF: magic 0x${dv.getUint16(0, true).toString(16).padStart(4, "0")}, expected 0xeb9f`,
        0
      );
    }
    le = false;
  }
  const version = dv.getUint8(2);
  if (version !== BTF_VERSION)
    throw new InputError(
      "unsupported",
      file,
      `BTF version ${version} is not supported (only version ${BTF_VERSION} exists)`,
      2
    );
  const hdrLen = dv.getUint32(4, le);
  if (hdrLen < HEADER_V1_BYTES)
    throw new InputError(
      "bad-value",
      file,
      `BTF hdr_len ${hdrLen} is shorter than the ${HEADER_V1_BYTES}-byte header`,
      4
    );
  if (hdrLen > bytes2.length)
    throw new InputError(
      "truncated",
      file,
      `BTF hdr_len ${hdrLen} is beyond the ${bytes2.length} bytes of data`,
      4
    );
  const u32 = (o) => o + 4 <= hdrLen ? dv.getUint32(o, le) : 0;
  const header = {
    magic: BTF_MAGIC,
    version,
    flags: dv.getUint8(3),
    hdrLen,
    typeOff: u32(8),
    typeLen: u32(12),
    strOff: u32(16),
    strLen: u32(20),
    layoutOff: u32(24),
    layoutLen: u32(28)
  };
  const dataLen = bytes2.length - hdrLen;
  const sections = [
    ["type", header.typeOff, header.typeLen],
    ["string", header.strOff, header.strLen]
  ];
  if (header.layoutLen) sections.push(["layout", header.layoutOff, header.layoutLen]);
  for (const [what, off, len] of sections) {
    if (off + len > dataLen) {
      throw new InputError(
        "truncated",
        file,
        `BTF ${what} section (offset ${off}, ${len} bytes) runs past the ${dataLen} bytes after the header`
      );
    }
  }
  if (header.typeOff % 4)
    throw new InputError("bad-value", file, `BTF type section offset ${header.typeOff} is not 4-byte aligned`);
  sections.sort((a, b) => a[1] - b[1]);
  for (let i = 1; i < sections.length; i++) {
    const [pw, po, pl] = sections[i - 1];
    const [w, o] = sections[i];
    if (po + pl > o)
      throw new InputError(
        "bad-value",
        file,
        `BTF ${pw} section (offset ${po}, ${pl} bytes) overlaps the ${w} section at ${o}`
      );
  }
  return { header, littleEndian: le };
}
function checkStrings(strings, file, split) {
  if (strings.length === 0) {
    if (split) return;
    throw new InputError("bad-value", file, "BTF string section is empty");
  }
  if (strings[strings.length - 1] !== 0)
    throw new InputError("bad-value", file, "BTF string section does not end with a NUL");
  if (!split && strings[0] !== 0)
    throw new InputError("bad-value", file, "BTF string section does not start with the empty string");
}
function parseLayout(data, header, file) {
  if (!header.layoutLen) return null;
  if (header.layoutLen % 4)
    throw new InputError(
      "bad-value",
      file,
      `BTF layout section is ${header.layoutLen} bytes, not a multiple of 4`
    );
  const dv = new DataView(data.buffer, data.byteOffset + header.layoutOff, header.layoutLen);
  const out = [];
  for (let o = 0; o < header.layoutLen; o += 4)
    out.push({ infoBytes: dv.getUint8(o), elemBytes: dv.getUint8(o + 1) });
  return out;
}
function nativeWords(section2, littleEndian) {
  const n = section2.length >>> 2;
  const words = new Uint32Array(n);
  if (littleEndian === HOST_LE) {
    new Uint8Array(words.buffer).set(section2.subarray(0, n * 4));
  } else {
    const dv = new DataView(section2.buffer, section2.byteOffset, n * 4);
    for (let i = 0; i < n; i++) words[i] = dv.getUint32(i * 4, littleEndian);
  }
  return words;
}
function recordBytes(kind, vlen, layout2) {
  const k = KINDS[kind] ?? layout2?.[kind];
  if (!k || kind === 0) return void 0;
  return 12 + k.infoBytes + vlen * k.elemBytes;
}
function walkRecords(words, typeLen, encoding, layout2, firstId, file) {
  const recs = [];
  let w = 0;
  const nWords = typeLen >>> 2;
  while (w * 4 < typeLen) {
    const id = firstId + recs.length;
    if (id > MAX_TYPE_ID)
      throw new InputError(
        "too-large",
        file,
        `BTF has more than ${MAX_TYPE_ID} types, the most a BTF can have (BTF_MAX_TYPE)`
      );
    if (w + 3 > nWords) {
      throw new InputError(
        "truncated",
        file,
        `BTF type [${id}] needs 12 bytes at offset ${w * 4} of the type section but it ends at ${typeLen}`
      );
    }
    const info = words[w + 1];
    const kind = info >>> 24 & encoding.kindMask;
    const bytes2 = recordBytes(kind, info & encoding.vlenMask, layout2);
    if (bytes2 === void 0) {
      throw new InputError(
        "unsupported",
        file,
        kind === 0 ? `BTF type [${id}] has kind 0, which no BTF defines` : `BTF type [${id}] has kind ${kind}, newer than the kinds this tool knows (up to ${KINDS.length - 1}) and the BTF has no layout section to skip it`
      );
    }
    if (w * 4 + bytes2 > typeLen) {
      throw new InputError(
        "truncated",
        file,
        `BTF type [${id}] ${kindName(kind)} needs ${bytes2} bytes at offset ${w * 4} of the type section but it ends at ${typeLen}`
      );
    }
    recs.push(w);
    w += bytes2 >>> 2;
  }
  return Uint32Array.from(recs);
}
function checkReferences(btf) {
  const strEnd = btf.strEnd;
  const endId = btf.endId;
  const hint = btf.isSplit ? " (split BTF parsed against a base it was not generated for?)" : "";
  for (let i = 0; i < btf.count; i++) {
    const id = btf.firstId + i;
    const bad = firstBadReference(btf, id, strEnd, endId);
    if (bad)
      throw new InputError("bad-value", btf.file, `BTF type [${id}] ${btf.describe(id)}: ${bad}${hint}`);
  }
}
function firstBadReference(btf, id, strEnd, endId) {
  let bad;
  forEachRef(btf, id, (value, role, elem) => {
    if (bad) return;
    if (role === REF.NAME || role === REF.ELEM_NAME) {
      if (value >= strEnd)
        bad = `${refLabel(btf.kind(id), role, elem)} offset ${value} is beyond the ${strEnd} bytes of strings`;
    } else if (value >= endId) {
      bad = `${refLabel(btf.kind(id), role, elem)} refers to type id ${value}, beyond the last type ${endId - 1}`;
    }
  });
  return bad;
}
var REF = {
  NAME: 0,
  /** The size/type word: a PTR's target, a FUNC's prototype, a FUNC_PROTO's return type, ... */
  TYPE: 1,
  ELEM_TYPE: 2,
  INDEX_TYPE: 3,
  ELEM_NAME: 4,
  /** A member's, parameter's or variable's type. */
  PART_TYPE: 5
};
function refLabel(kind, role, elem) {
  switch (role) {
    case REF.NAME:
      return "name";
    case REF.TYPE:
      return kind === KIND.FUNC_PROTO ? "return type" : "type";
    case REF.ELEM_TYPE:
      return "element type";
    case REF.INDEX_TYPE:
      return "index type";
    case REF.ELEM_NAME:
      return `name of ${elementNoun(kind)} ${elem + 1}`;
    default:
      return `${elementNoun(kind)} ${elem + 1} type`;
  }
}
function forEachRef(btf, id, visit) {
  const h = btf.holder(id);
  if (!h) return;
  const w = h.recs[id - h.firstId];
  const words = h.words;
  visit(words[w], REF.NAME, -1, w);
  const info = words[w + 1];
  const kind = info >>> 24 & h.encoding.kindMask;
  const k = KINDS[kind];
  if (!k) return;
  if (k.third === "type") visit(words[w + 2], REF.TYPE, -1, w + 2);
  for (const i of k.infoIds) visit(words[w + 3 + i], i === 0 ? REF.ELEM_TYPE : REF.INDEX_TYPE, -1, w + 3 + i);
  if (!k.elemBytes) return;
  const vlen = info & h.encoding.vlenMask;
  const ew = k.elemBytes >>> 2;
  const start = w + 3 + (k.infoBytes >>> 2);
  const name = k.elemNames.length ? k.elemNames[0] : -1;
  const type = k.elemIds.length ? k.elemIds[0] : -1;
  for (let e = 0; e < vlen; e++) {
    const eb = start + e * ew;
    if (name >= 0) visit(words[eb + name], REF.ELEM_NAME, e, eb + name);
    if (type >= 0) visit(words[eb + type], REF.PART_TYPE, e, eb + type);
  }
}
function elementNoun(kind) {
  switch (kind) {
    case KIND.STRUCT:
    case KIND.UNION:
      return "member";
    case KIND.FUNC_PROTO:
      return "parameter";
    case KIND.DATASEC:
      return "variable";
    default:
      return "value";
  }
}

// src/btf/mismatch.ts
var bit = (k) => 1 << k;
var DATA = bit(KIND.INT) | bit(KIND.PTR) | bit(KIND.ARRAY) | bit(KIND.STRUCT) | bit(KIND.UNION) | bit(KIND.ENUM) | bit(KIND.TYPEDEF) | bit(KIND.VOLATILE) | bit(KIND.CONST) | bit(KIND.RESTRICT) | bit(KIND.FLOAT) | bit(KIND.TYPE_TAG) | bit(KIND.ENUM64);
var POINTEE = DATA | bit(KIND.FWD) | bit(KIND.FUNC_PROTO);
var TAG_TARGET = bit(KIND.STRUCT) | bit(KIND.UNION) | bit(KIND.FUNC) | bit(KIND.VAR) | bit(KIND.TYPEDEF);
function allowedKinds(kind) {
  switch (kind) {
    case KIND.PTR:
    case KIND.TYPEDEF:
    case KIND.VOLATILE:
    case KIND.CONST:
    case KIND.RESTRICT:
    case KIND.TYPE_TAG:
      return POINTEE;
    case KIND.FUNC:
      return bit(KIND.FUNC_PROTO);
    case KIND.DATASEC:
      return bit(KIND.VAR);
    case KIND.DECL_TAG:
      return TAG_TARGET;
    default:
      return DATA;
  }
}
function expectedLabel(mask, role) {
  if (role === REF.INDEX_TYPE) return "an INT (or a typedef of one)";
  if (mask === POINTEE) return "a data type, FWD or FUNC_PROTO";
  if (mask === TAG_TARGET) return "STRUCT, UNION, FUNC, VAR or TYPEDEF";
  if (mask === bit(KIND.FUNC_PROTO)) return "FUNC_PROTO";
  if (mask === bit(KIND.VAR)) return "VAR";
  return "a data type";
}
function refFits(btf, id, target, mask, role) {
  return target >= 0 && target < 32 && (mask & bit(target)) !== 0 && (role !== REF.INDEX_TYPE || isIntLike(btf, id));
}
function mismatchEvidence(btf) {
  const base = btf.base;
  return base && !base.base ? evidenceOverRoot(btf, base) : evidenceAnyDepth(btf);
}
function evidenceOverRoot(btf, base) {
  const ev = { names: 0, badNames: 0, refs: 0, badRefs: 0 };
  const bs = base.strings;
  const bLen = base.header.strLen;
  const os = btf.strings;
  const oStart = btf.startStrOff;
  const oLen = btf.header.strLen;
  const bk = base.kindTable();
  const ok = btf.kindTable();
  const first = btf.firstId;
  const end = btf.endId;
  const words = btf.words;
  const recs = btf.recs;
  const vmask = btf.encoding.vlenMask;
  let badName;
  let badRef;
  const name = (off, i, role, elem) => {
    if (!off) return;
    ev.names++;
    if (off < bLen) {
      if (off === 0 || bs[off - 1] === 0) return;
    } else {
      const local = off - oStart;
      if (local < oLen && (local === 0 || os[local - 1] === 0)) return;
    }
    ev.badNames++;
    badName ??= [i, role, elem, off];
  };
  const ref = (id, mask, i, role, elem) => {
    if (!id) return;
    ev.refs++;
    const target = id >= first ? id < end ? ok[id - first] : -1 : bk[id - 1];
    if (refFits(btf, id, target, mask, role)) return;
    ev.badRefs++;
    badRef ??= [i, role, elem, id, mask];
  };
  for (let i = 0; i < btf.count; i++) {
    const w = recs[i];
    const kind = ok[i];
    name(words[w], i, REF.NAME, -1);
    const k = KINDS[kind];
    if (!k) continue;
    const mask = allowedKinds(kind);
    if (k.third === "type") ref(words[w + 2], mask, i, REF.TYPE, -1);
    for (const x of k.infoIds) ref(words[w + 3 + x], mask, i, x === 0 ? REF.ELEM_TYPE : REF.INDEX_TYPE, -1);
    if (!k.elemBytes) continue;
    const ew = k.elemBytes >>> 2;
    const nameAt = k.elemNames.length ? k.elemNames[0] : -1;
    const typeAt = k.elemIds.length ? k.elemIds[0] : -1;
    const vlen = words[w + 1] & vmask;
    let p = w + 3 + (k.infoBytes >>> 2);
    for (let e = 0; e < vlen; e++, p += ew) {
      if (nameAt >= 0) name(words[p + nameAt], i, REF.ELEM_NAME, e);
      if (typeAt >= 0) ref(words[p + typeAt], mask, i, REF.PART_TYPE, e);
    }
  }
  if (badName) {
    const [i, role, elem, off] = badName;
    ev.firstBadName = describeBadName(btf, first + i, refLabel(ok[i], role, elem), off);
  }
  if (badRef) {
    const [i, role, elem, id, mask] = badRef;
    ev.firstBadRef = describeBadRef(btf, first + i, refLabel(ok[i], role, elem), id, mask, role);
  }
  return ev;
}
function evidenceAnyDepth(btf) {
  const ev = { names: 0, badNames: 0, refs: 0, badRefs: 0 };
  let id = 0;
  let kind = 0;
  let mask = 0;
  const visit = (value, role, elem) => {
    if (role === REF.NAME || role === REF.ELEM_NAME) {
      if (!value) return;
      ev.names++;
      if (btf.isStringStart(value)) return;
      ev.badNames++;
      ev.firstBadName ??= describeBadName(btf, id, refLabel(kind, role, elem), value);
      return;
    }
    if (!value) return;
    ev.refs++;
    if (refFits(btf, value, btf.kind(value), mask, role)) return;
    ev.badRefs++;
    ev.firstBadRef ??= describeBadRef(btf, id, refLabel(kind, role, elem), value, mask, role);
  };
  for (id = btf.firstId; id < btf.endId; id++) {
    kind = btf.kind(id);
    mask = allowedKinds(kind);
    forEachRef(btf, id, visit);
  }
  return ev;
}
function describeBadRef(btf, typeId, where, target, mask, role) {
  const k = btf.kind(target);
  return {
    typeId,
    where,
    target,
    found: k < 0 ? `no such type (the last is ${btf.endId - 1})` : btf.describe(target),
    expected: expectedLabel(mask, role)
  };
}
function isIntLike(btf, id) {
  for (let i = 0; i < 32; i++) {
    const k = btf.kind(id);
    if (k === KIND.INT) return true;
    if (k !== KIND.TYPEDEF && k !== KIND.CONST && k !== KIND.VOLATILE && k !== KIND.RESTRICT && k !== KIND.TYPE_TAG)
      return false;
    id = btf.third(id);
  }
  return false;
}
function describeBadName(btf, typeId, where, offset) {
  const inBase = offset < btf.startStrOff;
  const s = btf.strBytes(offset);
  if (!s) return { typeId, where, offset, inBase };
  let start = s.pos;
  while (start > 0 && s.bytes[start - 1] !== 0) start--;
  let end = s.bytes.indexOf(0, s.pos);
  if (end < 0) end = s.bytes.length;
  const text = (a, b) => Buffer.from(s.bytes.subarray(a, b)).toString("latin1");
  return { typeId, where, offset, inBase, reads: text(s.pos, end), within: text(start, end) };
}
function looksMismatched(ev) {
  const bad = ev.badNames + ev.badRefs;
  const total = ev.names + ev.refs;
  return bad >= 2 && bad * 50 >= total;
}
function describeEvidence(ev, btf) {
  const n = (x) => x.toLocaleString("en-US");
  const parts = [];
  if (ev.badNames) {
    const f = ev.firstBadName;
    const at = `[${f.typeId}] ${kindName(btf.kind(f.typeId))} ${f.where}`;
    const lands = f.reads === void 0 ? "is past the strings" : `reads '${f.reads}' inside '${f.within}'`;
    parts.push(
      `${n(ev.badNames)} of ${n(ev.names)} name offsets land inside strings (first: ${at} at offset ${f.offset} ${lands})`
    );
  }
  if (ev.badRefs) {
    const f = ev.firstBadRef;
    parts.push(
      `${n(ev.badRefs)} of ${n(ev.refs)} type references hit a type of the wrong kind (first: [${f.typeId}] ${kindName(btf.kind(f.typeId))} ${f.where} -> [${f.target}] ${f.found}, expected ${f.expected})`
    );
  }
  return parts.join("; ");
}

// src/btf/relocate.ts
var EMBEDDED = -1;
function relocate(split, vmlinux) {
  const dist = split.base;
  if (!dist) throw new Error("relocate: the module BTF has no distilled base");
  const nrDist = dist.endId;
  const result = {
    ok: false,
    distilledTypes: nrDist - 1,
    unmatched: [],
    ambiguous: [],
    invalid: []
  };
  for (let id = 1; id < nrDist; id++) {
    const k = dist.kind(id);
    const allowed = k === KIND.INT || k === KIND.FLOAT || k === KIND.ENUM || k === KIND.STRUCT || k === KIND.UNION || k === KIND.FWD;
    if (allowed && dist.nameOff(id)) continue;
    result.invalid.push(
      allowed ? `type [${id}], kind [${k}] is invalid for distilled base BTF; it is anonymous` : `type [${id}] in distilled based BTF has unexpected kind [${k}]`
    );
  }
  if (result.invalid.length) {
    result.kernelMessage = result.invalid[0];
    result.errno = 22;
    return result;
  }
  const idMap = new Int32Array(nrDist);
  markEmbedded(split, nrDist, idMap);
  const embedded = new Uint8Array(nrDist);
  for (let id = 1; id < nrDist; id++) if (idMap[id] === EMBEDDED) embedded[id] = 1;
  const info = (id) => ({
    id,
    kind: kindName(dist.kind(id)),
    name: dist.name(id),
    size: dist.kind(id) === KIND.FWD ? 0 : dist.third(id),
    embedded: embedded[id] === 1
  });
  const candidates = [];
  for (let id = 1; id < nrDist; id++) candidates[id] = matchesFor(dist, id, embedded[id] === 1, vmlinux);
  let firstAmbiguity;
  for (let id = 1; id < nrDist; id++) {
    const c = candidates[id];
    if (c.length === 1) idMap[id] = c[0];
    else if (c.length > 1) {
      result.ambiguous.push({ ...info(id), candidates: c });
      if (!firstAmbiguity || c[1] < firstAmbiguity.at) firstAmbiguity = { at: c[1], id };
    } else {
      idMap[id] = 0;
      result.unmatched.push(info(id));
    }
  }
  if (firstAmbiguity) {
    const c = candidates[firstAmbiguity.id];
    result.kernelMessage = `distilled base BTF type '${vmlinux.name(c[1])}' [${firstAmbiguity.id}], size ${vmlinux.third(c[1])} has multiple candidates of the same size (ids [${c[1]}, ${c[0]}]) in base BTF`;
    result.errno = 22;
    return result;
  }
  if (result.unmatched.length) {
    const u = result.unmatched[0];
    result.kernelMessage = `distilled base BTF type '${u.name}' [${u.id}] is not mapped to base BTF id`;
    result.errno = 22;
    return result;
  }
  const strMap = /* @__PURE__ */ new Map();
  for (let id = 1; id < nrDist; id++) strMap.set(dist.nameOff(id), vmlinux.nameOff(idMap[id]));
  const rewritten = rewrite(split, vmlinux, idMap, strMap);
  if ("unmapped" in rewritten) {
    result.kernelMessage = `string '' [offset ${rewritten.unmapped}] is not mapped to base BTF`;
    result.errno = 2;
    result.unmapped = rewritten.unmapped;
    return result;
  }
  result.ok = true;
  result.relocated = rewritten.btf;
  return result;
}
function markEmbedded(split, nrDist, idMap) {
  for (let id = split.firstId; id < split.endId; id++) {
    const k = split.kind(id);
    if (k !== KIND.STRUCT && k !== KIND.UNION) continue;
    forEachRef(split, id, (value, role) => {
      if (role === REF.NAME || role === REF.ELEM_NAME) return;
      let next = value;
      for (let steps = 0; next && steps < 64; steps++) {
        const nk = split.kind(next);
        if (nk === KIND.CONST || nk === KIND.RESTRICT || nk === KIND.VOLATILE || nk === KIND.TYPEDEF || nk === KIND.TYPE_TAG) {
          next = split.third(next);
        } else if (nk === KIND.ARRAY) {
          next = split.word(next, 3);
        } else {
          if ((nk === KIND.STRUCT || nk === KIND.UNION) && next < nrDist) idMap[next] = EMBEDDED;
          break;
        }
      }
    });
  }
}
function matchesFor(dist, id, embedded, vmlinux) {
  const dk = dist.kind(id);
  const dsize = dk === KIND.FWD ? 0 : dist.third(id);
  const out = [];
  for (const bid of vmlinux.idsNamed(dist.name(id))) {
    const bk = vmlinux.kind(bid);
    const bsize = vmlinux.third(bid);
    let needsSize;
    if (bk === KIND.INT || bk === KIND.FLOAT || bk === KIND.ENUM || bk === KIND.ENUM64) needsSize = true;
    else if (bk === KIND.FWD) needsSize = false;
    else if (bk === KIND.STRUCT || bk === KIND.UNION)
      needsSize = compositesNamedAt(vmlinux, vmlinux.nameOff(bid)) > 1;
    else continue;
    if (needsSize && bsize !== dsize) continue;
    if (!compatible(dist, id, dk, vmlinux, bid, bk, embedded)) continue;
    out.push(bid);
  }
  return out;
}
function compatible(dist, id, dk, vmlinux, bid, bk, embedded) {
  switch (dk) {
    case KIND.FWD:
      if (bk === KIND.FWD) return dist.kflag(id) === vmlinux.kflag(bid);
      if (bk === KIND.STRUCT) return !vmlinux.kflag(bid);
      if (bk === KIND.UNION) return vmlinux.kflag(bid);
      return false;
    case KIND.INT:
      return bk === KIND.INT && intEncoding(vmlinux, bid) === intEncoding(dist, id);
    case KIND.FLOAT:
      return bk === KIND.FLOAT;
    case KIND.ENUM:
      return bk === KIND.ENUM || bk === KIND.ENUM64;
    case KIND.STRUCT:
    case KIND.UNION:
      return !embedded || vmlinux.third(bid) === dist.third(id);
    default:
      return false;
  }
}
function intEncoding(btf, id) {
  return btf.word(id, 3) >>> 24 & 15;
}
var compositeCounts = /* @__PURE__ */ new WeakMap();
function compositesNamedAt(btf, nameOff) {
  let m = compositeCounts.get(btf);
  if (!m) {
    m = /* @__PURE__ */ new Map();
    for (let id = btf.firstId; id < btf.endId; id++) {
      const k = btf.kind(id);
      const off = btf.nameOff(id);
      if ((k === KIND.STRUCT || k === KIND.UNION) && off) m.set(off, (m.get(off) ?? 0) + 1);
    }
    compositeCounts.set(btf, m);
  }
  return m.get(nameOff) ?? 0;
}
function rewrite(split, vmlinux, idMap, strMap) {
  const dist = split.base;
  const nrDist = dist.endId;
  const shiftId = vmlinux.endId - nrDist;
  const distStrLen = dist.header.strLen;
  const shiftStr = vmlinux.header.strLen - distStrLen;
  const words = split.words.slice();
  for (let id = split.firstId; id < split.endId; id++) {
    let unmapped;
    forEachRef(split, id, (value, role, _elem, w) => {
      if (role === REF.NAME || role === REF.ELEM_NAME) {
        if (!value || unmapped !== void 0) return;
        if (value >= distStrLen) words[w] = value + shiftStr;
        else {
          const to = strMap.get(value);
          if (!to) unmapped = value;
          else words[w] = to;
        }
        return;
      }
      words[w] = value < nrDist ? idMap[value] : value + shiftId;
    });
    if (unmapped !== void 0) return { unmapped };
  }
  const btf = new Btf({
    file: split.file,
    base: vmlinux,
    header: split.header,
    littleEndian: split.littleEndian,
    encoding: split.encoding,
    words,
    recs: split.recs,
    strings: split.strings,
    layout: split.layout
  });
  return { btf };
}

// src/btf/verifier-log.ts
var ERRNO = { ENOENT: 2, E2BIG: 7, EEXIST: 17, EINVAL: 22, ELOOP: 40, ENOTSUPP: 524 };
var VerifierLog = class {
  fragments = [];
  add(fragment) {
    this.fragments.push(fragment);
  }
  fail(step, errno, typeId, quietWhenMismatchAllowed = false) {
    const dmesg = this.fragments.map((f) => `BPF: ${f.replace(/\n$/, "")}`.trimEnd());
    const text = this.fragments.join("").replace(/\s+/g, " ").trim();
    const out = { step, errno, dmesg, text };
    if (typeId !== void 0) out.typeId = typeId;
    if (quietWhenMismatchAllowed) out.quietWhenMismatchAllowed = true;
    return out;
  }
};
var MISMATCH_ALLOWED_WARNING = "Kernel module BTF mismatch detected, BTF debug info may be unavailable for some modules";
function failedToValidate(module, errno) {
  return `failed to validate module [${module}] BTF: -${errno}`;
}

// src/btf/verifier.ts
var BTF_INT_MASK = 268435455;
function verifyLoad(input) {
  const v = new LoadVerifier(input);
  try {
    return { ok: true, btf: v.run() };
  } catch (err) {
    if (err instanceof Stop) return { ok: false, failure: err.failure };
    throw err;
  }
}
var Stop = class extends Error {
  failure;
  constructor(failure) {
    super(failure.text);
    this.failure = failure;
  }
};
var LoadVerifier = class {
  input;
  rules;
  base;
  log = new VerifierLog();
  dv;
  step = "header";
  hdr;
  strings;
  startStrOff = 0;
  words;
  logTypeId = 0;
  meta;
  constructor(input) {
    this.input = input;
    this.rules = input.rules;
    this.base = input.base;
    this.dv = new DataView(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  }
  stepName(s) {
    return this.input.role === "base" ? `base-${s}` : s;
  }
  stop(errno, typeId, typeLog = false) {
    throw new Stop(this.log.fail(this.step, errno, typeId, typeLog && this.base !== null));
  }
  /** btf_verifier_log(): one fragment, no type line. */
  fail(msg, errno = ERRNO.EINVAL, typeId) {
    this.log.add(msg);
    this.stop(errno, typeId);
  }
  run() {
    this.step = this.stepName("header");
    this.parseHeader();
    this.step = this.stepName("strings");
    this.parseStrings();
    this.step = this.stepName("types");
    const recs = this.checkAllMetas();
    const btf = new Btf({
      file: this.input.file,
      base: this.base,
      header: this.hdr,
      littleEndian: this.input.littleEndian,
      encoding: this.rules.info,
      words: this.words,
      recs,
      strings: this.strings,
      layout: null
    });
    this.step = this.stepName("modifier-chains");
    this.checkModifierChains(btf);
    return btf;
  }
  // btf_parse_hdr + btf_check_sec_info
  parseHeader() {
    const size = this.input.bytes.length;
    const le = this.input.littleEndian;
    if (size < 8) this.fail("hdr_len not found");
    const hdrLen = this.dv.getUint32(4, le);
    if (size < hdrLen) this.fail("btf_header not found");
    const known = this.rules.headerBytes;
    if (hdrLen > known) {
      for (let i = known; i < hdrLen; i++)
        if (this.input.bytes[i]) this.fail("Unsupported btf_header", ERRNO.E2BIG);
    }
    const copy = Math.min(hdrLen, known);
    const u32 = (o) => o + 4 <= copy ? this.dv.getUint32(o, le) : 0;
    this.hdr = {
      magic: copy >= 2 ? this.dv.getUint16(0, le) : 0,
      version: copy >= 3 ? this.dv.getUint8(2) : 0,
      flags: copy >= 4 ? this.dv.getUint8(3) : 0,
      hdrLen,
      typeOff: u32(8),
      typeLen: u32(12),
      strOff: u32(16),
      strLen: u32(20),
      layoutOff: u32(24),
      layoutLen: u32(28)
    };
    const h = this.hdr;
    if (h.magic !== BTF_MAGIC) this.fail("Invalid magic");
    if (h.version !== BTF_VERSION) this.fail("Unsupported version", ERRNO.ENOTSUPP);
    if (h.flags) this.fail("Unsupported flags", ERRNO.ENOTSUPP);
    if (!this.base && size === hdrLen) this.fail("No data");
    this.checkSections(size);
  }
  checkSections(size) {
    const h = this.hdr;
    const secs = [
      { off: h.typeOff, len: h.typeLen },
      { off: h.strOff, len: h.strLen }
    ];
    if (h.hdrLen >= 32 && this.rules.headerBytes >= 32 && h.layoutLen !== 0)
      secs.push({ off: h.layoutOff, len: h.layoutLen });
    secs.sort((x, y) => x.off - y.off | 0 || x.len - y.len | 0);
    const expectedTotal = size - h.hdrLen >>> 0;
    let total = 0;
    for (const s of secs) {
      if (expectedTotal < s.off) this.fail("Invalid section offset");
      if (total < s.off) this.fail("Unsupported section found");
      if (total > s.off) this.fail("Section overlap found");
      if (expectedTotal - total < s.len) this.fail("Total section length too long");
      total += s.len;
    }
    if (expectedTotal !== total) this.fail("Unsupported section found");
  }
  // btf_parse_str_sec
  parseStrings() {
    const h = this.hdr;
    const start = h.hdrLen + h.strOff;
    const end = start + h.strLen;
    const atEnd = end === this.input.bytes.length;
    const layoutMayFollow = this.rules.headerBytes >= 32 && h.hdrLen >= 32;
    if (!atEnd && !layoutMayFollow) this.fail("String section is not at the end");
    this.strings = this.input.bytes.subarray(start, end);
    this.startStrOff = this.base ? this.base.strEnd : 0;
    if (this.base && !h.strLen) return;
    if (!h.strLen || h.strLen - 1 > MAX_NAME_OFFSET || this.strings[h.strLen - 1] !== 0)
      this.fail("Invalid string section");
    if (!this.base && this.strings[0] !== 0) this.fail("Invalid string section");
  }
  // ---- names (btf_name_offset_valid, btf_name_valid_identifier, btf_name_valid_section)
  nameOffsetValid(off) {
    if (off > MAX_NAME_OFFSET) return false;
    if (off < this.startStrOff) return this.base.strBytes(off) !== void 0;
    return off - this.startStrOff < this.hdr.strLen;
  }
  strAt(off) {
    if (off < this.startStrOff) return this.base.strBytes(off);
    const local = off - this.startStrOff;
    return local < this.hdr.strLen ? { bytes: this.strings, pos: local } : void 0;
  }
  identifier(off) {
    if (off < this.startStrOff) return this.base.isIdentifierAt(off);
    const local = off - this.startStrOff;
    return local < this.hdr.strLen && isValidIdentifier(this.strings, local);
  }
  sectionName(off) {
    const s = this.strAt(off);
    return !!s && isValidSectionName(s.bytes, s.pos);
  }
  /** __btf_name_by_offset: "(anon)" for 0, "(invalid-name-offset)" past the strings. */
  logName(off) {
    if (!off) return "(anon)";
    const s = this.strAt(off);
    if (!s) return "(invalid-name-offset)";
    let e = s.bytes.indexOf(0, s.pos);
    if (e < 0) e = s.bytes.length;
    return Buffer.from(s.bytes.subarray(s.pos, e)).toString("latin1");
  }
  // ---- btf_check_all_metas
  checkAllMetas() {
    const h = this.hdr;
    const typeStart = h.hdrLen + h.typeOff;
    this.words = nativeWords(
      this.input.bytes.subarray(typeStart, typeStart + h.typeLen),
      this.input.littleEndian
    );
    const recs = new Uint32Array(Math.floor(h.typeLen / 12) + 1);
    let n = 0;
    const startId = this.base ? this.base.endId : 0;
    this.logTypeId = this.base ? startId : 1;
    const growth = new TypeTableGrowth(startId, this.base !== null);
    let cur = 0;
    while (cur < h.typeLen) {
      const metaSize = this.checkMeta(cur >>> 2, h.typeLen - cur);
      if (!growth.add()) this.fail("Exceeded max num of types", ERRNO.E2BIG);
      recs[n++] = cur >>> 2;
      cur += metaSize;
      this.logTypeId++;
    }
    return recs.subarray(0, n);
  }
  checkMeta(w, metaLeft) {
    const id = this.logTypeId;
    if (metaLeft < 12) this.fail(`[${id}] meta_left:${metaLeft} meta_needed:12`, ERRNO.EINVAL, id);
    metaLeft -= 12;
    const words = this.words;
    const info = words[w + 1];
    if (info & this.rules.info.reserved)
      this.fail(`[${id}] Invalid btf_info:${info.toString(16)}`, ERRNO.EINVAL, id);
    const kind = info >>> 24 & this.rules.info.kindMask;
    if (kind > this.rules.maxKind || kind === KIND.UNKN)
      this.fail(`[${id}] Invalid kind:${kind}`, ERRNO.EINVAL, id);
    const nameOff = words[w];
    if (!this.nameOffsetValid(nameOff)) this.fail(`[${id}] Invalid name_offset:${nameOff}`, ERRNO.EINVAL, id);
    this.meta ??= new MetaCheck(this);
    return 12 + this.meta.check(w, info, kind, metaLeft);
  }
  // exposed to MetaCheck
  get wordsView() {
    return this.words;
  }
  get ruleSet() {
    return this.rules;
  }
  get currentId() {
    return this.logTypeId;
  }
  add(fragment) {
    this.log.add(fragment);
  }
  stopAt(errno, typeLog = false) {
    this.stop(errno, this.logTypeId, typeLog);
  }
  validOffset(off) {
    return this.nameOffsetValid(off);
  }
  validIdentifier(off) {
    return this.identifier(off);
  }
  validSection(off) {
    return this.sectionName(off);
  }
  nameForLog(off) {
    return this.logName(off);
  }
  stringIsEmpty(off) {
    const s = this.strAt(off);
    return !s || s.bytes[s.pos] === 0;
  }
  // ---- btf_check_type_tags (6.12) / btf_check_modifier_chain_length (7.2)
  checkModifierChains(btf) {
    const startId = this.base ? btf.firstId : 1;
    const n = btf.endId;
    let goodId = startId - 1;
    const modifier = (k) => k === KIND.TYPEDEF || k === KIND.VOLATILE || k === KIND.CONST || k === KIND.RESTRICT || k === KIND.TYPE_TAG;
    for (let i = startId; i < n; i++) {
      let k = btf.kind(i);
      if (!modifier(k)) continue;
      let inTags = k === KIND.TYPE_TAG;
      let limit = 32;
      let cur = i;
      while (modifier(k)) {
        if (limit-- === 0) this.fail("Max chain length or cycle detected", ERRNO.ELOOP, i);
        if (this.rules.typeTagsFirst) {
          if (k === KIND.TYPE_TAG) {
            if (!inTags) this.fail("Type tags don't precede modifiers", ERRNO.EINVAL, i);
          } else if (inTags) {
            inTags = false;
          }
        }
        if (cur <= goodId) break;
        cur = btf.third(cur);
        k = btf.kind(cur);
        if (k < 0) this.stop(ERRNO.EINVAL, i);
      }
      goodId = i;
    }
  }
};
var TypeTableGrowth = class {
  size = 0;
  count = 0;
  startId;
  split;
  constructor(startId, split) {
    this.startId = startId;
    this.split = split;
  }
  add() {
    if (this.size === this.count) {
      if (this.startId + this.size === MAX_TYPE_ID) return false;
      const expand = Math.max(this.size >>> 2, 16);
      const newSize = Math.min(MAX_TYPE_ID, this.size + expand);
      if (this.count === 0 && !this.split) this.count++;
      this.size = newSize;
    }
    this.count++;
    return true;
  }
};
var MetaCheck = class {
  v;
  w = 0;
  info = 0;
  kind = 0;
  metaLeft = 0;
  words;
  constructor(v) {
    this.v = v;
    this.words = v.wordsView;
  }
  /** Checks one type (one instance serves every type: no allocation per type). */
  check(w, info, kind, metaLeft) {
    this.w = w;
    this.info = info;
    this.kind = kind;
    this.metaLeft = metaLeft;
    this.words = this.v.wordsView;
    return this.run();
  }
  get vlen() {
    return this.info & this.v.ruleSet.info.vlenMask;
  }
  get kflag() {
    return this.info >>> 31 === 1;
  }
  get nameOff() {
    return this.words[this.w];
  }
  get third() {
    return this.words[this.w + 2];
  }
  extra(i) {
    return this.words[this.w + 3 + i];
  }
  /** btf_verifier_log_type / _basic: "[id] KIND name" (+ details) (+ " msg") "\n". */
  type(msg, details2 = true, errno = ERRNO.EINVAL) {
    this.v.add(
      `[${this.v.currentId}] ${kindName(this.kind)} ${this.v.nameForLog(this.nameOff)}${details2 ? " " : ""}`
    );
    if (details2) for (const d of this.details()) this.v.add(d);
    if (msg) {
      this.v.add(" ");
      this.v.add(msg);
    }
    this.v.add("\n");
    this.v.stopAt(errno, true);
  }
  needs(bytes2) {
    if (this.metaLeft < bytes2) this.type(`meta_left:${this.metaLeft} meta_needed:${bytes2}`, false);
  }
  /** btf_verifier_log_member in the meta phase: the member line alone. */
  member(m, msg) {
    const base = this.w + 3 + m * 3;
    const name = this.v.nameForLog(this.words[base]);
    const type = this.words[base + 1];
    const off = this.words[base + 2];
    this.v.add(
      this.kflag ? `	${name} type_id=${type} bitfield_size=${off >>> 24} bits_offset=${off & 16777215}` : `	${name} type_id=${type} bits_offset=${off}`
    );
    this.v.add(" ");
    this.v.add(msg);
    this.v.add("\n");
    this.v.stopAt(ERRNO.EINVAL, true);
  }
  vsi(e, msg) {
    const base = this.w + 3 + e * 3;
    this.v.add(
      `	 type_id=${this.words[base]} offset=${this.words[base + 1]} size=${this.words[base + 2]}`
    );
    this.v.add(" ");
    this.v.add(msg);
    this.v.add("\n");
    this.v.stopAt(ERRNO.EINVAL);
  }
  /** The kind's log_details fragments. */
  details() {
    const size = this.third;
    switch (this.kind) {
      case KIND.INT: {
        const d = this.extra(0);
        const enc = d >>> 24 & 15;
        const encName = enc === 0 ? "(none)" : enc === 1 ? "SIGNED" : enc === 2 ? "CHAR" : enc === 4 ? "BOOL" : "UNKN";
        return [`size=${size} bits_offset=${d >>> 16 & 255} nr_bits=${d & 255} encoding=${encName}`];
      }
      case KIND.PTR:
      case KIND.TYPEDEF:
      case KIND.VOLATILE:
      case KIND.CONST:
      case KIND.RESTRICT:
      case KIND.TYPE_TAG:
      case KIND.FUNC:
        return [`type_id=${size}`];
      case KIND.FWD:
        return [this.kflag ? "union" : "struct"];
      case KIND.ARRAY:
        return [`type_id=${this.extra(0)} index_type_id=${this.extra(1)} nr_elems=${this.extra(2)}`];
      case KIND.STRUCT:
      case KIND.UNION:
      case KIND.ENUM:
      case KIND.ENUM64:
      case KIND.DATASEC:
        return [`size=${size} vlen=${this.vlen}`];
      case KIND.FUNC_PROTO:
        return this.protoDetails();
      case KIND.VAR:
        return [`type_id=${size} linkage=${this.extra(0)}`];
      case KIND.FLOAT:
        return [`size=${size}`];
      case KIND.DECL_TAG:
        return [`type=${size} component_idx=${this.extra(0) | 0}`];
      default:
        return [];
    }
  }
  protoDetails() {
    const n = this.vlen;
    const out = [`return=${this.third} args=(`];
    const arg = (i) => ({
      name: this.words[this.w + 3 + i * 2],
      type: this.words[this.w + 4 + i * 2]
    });
    if (!n) {
      out.push("void");
    } else if (n === 1 && !arg(0).type) {
      out.push("vararg");
    } else {
      out.push(`${arg(0).type} ${this.v.nameForLog(arg(0).name)}`);
      for (let i = 1; i < n - 1; i++) out.push(`, ${arg(i).type} ${this.v.nameForLog(arg(i).name)}`);
      if (n > 1) {
        const last = arg(n - 1);
        out.push(last.type ? `, ${last.type} ${this.v.nameForLog(last.name)}` : ", vararg");
      }
    }
    out.push(")");
    return out;
  }
  /** Returns the bytes after struct btf_type. */
  run() {
    switch (this.kind) {
      case KIND.INT:
        return this.int();
      case KIND.PTR:
      case KIND.TYPEDEF:
      case KIND.VOLATILE:
      case KIND.CONST:
      case KIND.RESTRICT:
      case KIND.TYPE_TAG:
        return this.ref();
      case KIND.FWD:
        return this.fwd();
      case KIND.ARRAY:
        return this.array();
      case KIND.STRUCT:
      case KIND.UNION:
        return this.struct();
      case KIND.ENUM:
      case KIND.ENUM64:
        return this.enumeration();
      case KIND.FUNC_PROTO:
        return this.funcProto();
      case KIND.FUNC:
        return this.func();
      case KIND.VAR:
        return this.variable();
      case KIND.DATASEC:
        return this.datasec();
      case KIND.FLOAT:
        return this.float();
      case KIND.DECL_TAG:
        return this.declTag();
      default:
        throw new Error(`no meta check for kind ${this.kind}`);
    }
  }
  noVlenNoKflag(kflagAllowed = false) {
    if (this.vlen) this.type("vlen != 0");
    if (this.kflag && !kflagAllowed) this.type("Invalid btf_info kind_flag");
  }
  int() {
    this.needs(4);
    this.noVlenNoKflag();
    const d = this.extra(0);
    if (d & ~BTF_INT_MASK) this.type(`Invalid int_data:${d.toString(16)}`, false);
    const nrBits = (d & 255) + (d >>> 16 & 255);
    if (nrBits > 128) this.type("nr_bits exceeds 128");
    if (roundupBytes(nrBits) > this.third) this.type("nr_bits exceeds type_size");
    const enc = d >>> 24 & 15;
    if (enc && enc !== 1 && enc !== 2 && enc !== 4) this.type("Unsupported encoding", true, ERRNO.ENOTSUPP);
    return 4;
  }
  // btf_ref_type_check_meta
  ref() {
    this.noVlenNoKflag(this.kind === KIND.TYPE_TAG && this.v.ruleSet.tagKflag);
    if (this.third > MAX_TYPE_ID) this.type("Invalid type_id");
    if (this.kind === KIND.TYPEDEF) {
      if (!this.nameOff || !this.v.validIdentifier(this.nameOff)) this.type("Invalid name");
    } else if (this.kind === KIND.TYPE_TAG) {
      if (this.v.stringIsEmpty(this.nameOff)) this.type("Invalid name");
    } else if (this.nameOff) {
      this.type("Invalid name");
    }
    return 0;
  }
  fwd() {
    if (this.vlen) this.type("vlen != 0");
    if (this.third) this.type("type != 0");
    if (!this.nameOff || !this.v.validIdentifier(this.nameOff)) this.type("Invalid name");
    return 0;
  }
  array() {
    this.needs(12);
    if (this.nameOff) this.type("Invalid name");
    this.noVlenNoKflag();
    if (this.third) this.type("size != 0");
    const elem = this.extra(0);
    const index = this.extra(1);
    if (!elem || elem > MAX_TYPE_ID) this.type("Invalid elem");
    if (!index || index > MAX_TYPE_ID) this.type("Invalid index");
    return 12;
  }
  struct() {
    const n = this.vlen;
    const needed = n * 12;
    this.needs(needed);
    if (this.nameOff && !this.v.validIdentifier(this.nameOff)) this.type("Invalid name");
    const isUnion = this.kind === KIND.UNION;
    const structSize = this.third;
    let last = 0;
    for (let m = 0; m < n; m++) {
      const base = this.w + 3 + m * 3;
      const nameOff = this.words[base];
      const type = this.words[base + 1];
      const raw = this.words[base + 2];
      if (!this.v.validOffset(nameOff)) this.member(m, `Invalid member name_offset:${nameOff}`);
      if (nameOff && !this.v.validIdentifier(nameOff)) this.member(m, "Invalid name");
      if (!type || type > MAX_TYPE_ID) this.member(m, "Invalid type_id");
      const offset = this.kflag ? raw & 16777215 : raw;
      if (isUnion && offset) this.member(m, "Invalid member bits_offset");
      if (last > offset) this.member(m, "Invalid member bits_offset");
      if (roundupBytes(offset) > structSize) this.member(m, "Member bits_offset exceeds its struct size");
      last = offset;
    }
    return needed;
  }
  enumeration() {
    const n = this.vlen;
    const elemWords = this.kind === KIND.ENUM64 ? 3 : 2;
    const needed = n * elemWords * 4;
    this.needs(needed);
    const size = this.third;
    if (size > 8 || !isPowerOf2(size)) this.type("Unexpected size");
    if (this.nameOff && !this.v.validIdentifier(this.nameOff)) this.type("Invalid name");
    for (let e = 0; e < n; e++) {
      const nameOff = this.words[this.w + 3 + e * elemWords];
      if (!this.v.validOffset(nameOff)) {
        this.v.add(`	Invalid name_offset:${nameOff}`);
        this.v.stopAt(ERRNO.EINVAL);
      }
      if (!nameOff || !this.v.validIdentifier(nameOff)) this.type("Invalid name");
    }
    return needed;
  }
  funcProto() {
    const needed = this.vlen * 8;
    this.needs(needed);
    if (this.nameOff) this.type("Invalid name");
    if (this.kflag) this.type("Invalid btf_info kind_flag");
    return needed;
  }
  func() {
    if (!this.nameOff || !this.v.validIdentifier(this.nameOff)) this.type("Invalid name");
    if (this.vlen > 1) this.type("Invalid func linkage");
    if (this.kflag) this.type("Invalid btf_info kind_flag");
    return 0;
  }
  variable() {
    this.needs(4);
    this.noVlenNoKflag();
    if (!this.nameOff || !this.v.validIdentifier(this.nameOff)) this.type("Invalid name");
    if (!this.third || this.third > MAX_TYPE_ID) this.type("Invalid type_id");
    const linkage = this.extra(0);
    if (linkage !== 0 && linkage !== 1) this.type("Linkage not supported");
    return 4;
  }
  datasec() {
    const n = this.vlen;
    const needed = n * 12;
    this.needs(needed);
    const size = this.third;
    if (!size) this.type("size == 0");
    if (this.kflag) this.type("Invalid btf_info kind_flag");
    if (!this.nameOff || !this.v.validSection(this.nameOff)) this.type("Invalid name");
    let lastEnd = 0;
    let sum = 0;
    for (let e = 0; e < n; e++) {
      const base = this.w + 3 + e * 3;
      const type = this.words[base];
      const off = this.words[base + 1];
      const sz = this.words[base + 2];
      if (!type || type > MAX_TYPE_ID) this.vsi(e, "Invalid type_id");
      if (off < lastEnd || off >= size) this.vsi(e, "Invalid offset");
      if (!sz || sz > size) this.vsi(e, "Invalid size");
      lastEnd = off + sz;
      if (lastEnd > size) this.vsi(e, "Invalid offset+size");
      sum += sz;
    }
    if (size < sum) this.type("Invalid btf_info size");
    return needed;
  }
  float() {
    this.noVlenNoKflag();
    const s = this.third;
    if (s !== 2 && s !== 4 && s !== 8 && s !== 12 && s !== 16) this.type("Invalid type_size");
    return 0;
  }
  declTag() {
    this.needs(4);
    if (this.v.stringIsEmpty(this.nameOff)) this.type("Invalid value");
    this.noVlenNoKflag(this.v.ruleSet.tagKflag);
    if ((this.extra(0) | 0) < -1) this.type("Invalid component_idx");
    return 4;
  }
};
function roundupBytes(bits) {
  return (bits >>> 3) + (bits & 7 ? 1 : 0);
}
function isPowerOf2(n) {
  return n !== 0 && (n & n - 1) === 0;
}

// src/btf/resolve.ts
var MAX_RESOLVE_DEPTH = 32;
var U32_MAX = 4294967295;
var NOT_VISITED = 0;
var VISITED = 1;
var RESOLVED = 2;
var MODE_TBD = 0;
var MODE_PTR = 1;
var MODE_STRUCT_OR_ARRAY = 2;
function resolveAll(btf, base, pointerSize) {
  const resolver = new BtfResolver(btf, base, pointerSize);
  const failure = resolver.run();
  return failure ? { resolver, failure } : { resolver };
}
var Fail = class extends Error {
  errno;
  constructor(errno) {
    super(`errno ${errno}`);
    this.errno = errno;
  }
};
function isModifier(k) {
  return k === KIND.TYPEDEF || k === KIND.VOLATILE || k === KIND.CONST || k === KIND.RESTRICT || k === KIND.TYPE_TAG;
}
function isStruct(k) {
  return k === KIND.STRUCT || k === KIND.UNION;
}
function needsResolve(k) {
  return isModifier(k) || k === KIND.PTR || isStruct(k) || k === KIND.ARRAY || k === KIND.VAR || k === KIND.FUNC || k === KIND.DECL_TAG || k === KIND.DATASEC;
}
function hasSize(k) {
  return k === KIND.INT || isStruct(k) || k === KIND.ENUM || k === KIND.DATASEC || k === KIND.FLOAT || k === KIND.ENUM64;
}
function nosizeOrNull(k) {
  return k < 0 || k === KIND.UNKN || k === KIND.FWD || k === KIND.FUNC || k === KIND.FUNC_PROTO || k === KIND.DECL_TAG;
}
function sourceOnly(k) {
  return k === KIND.VAR || k === KIND.DECL_TAG || k === KIND.DATASEC;
}
var BtfResolver = class {
  /** Resolved type id per own type (index: id - firstId). */
  ids;
  /** Resolved size per own type (arrays; 0 for others). */
  sizes;
  btf;
  base;
  ptrSize;
  first;
  visit;
  /** The resolve stack: MAX_RESOLVE_DEPTH vertices, reused. */
  stack = Array.from({ length: MAX_RESOLVE_DEPTH }, () => ({
    id: 0,
    nextMember: 0
  }));
  top = 0;
  mode = MODE_TBD;
  // Flat tables for the hot lookups (own types, and a root base's).
  end;
  ownKinds;
  ownWords;
  ownRecs;
  root;
  rootKinds;
  logId = 0;
  log = new VerifierLog();
  constructor(btf, base, ptrSize) {
    this.btf = btf;
    this.base = base;
    this.ptrSize = ptrSize;
    this.first = btf.firstId;
    this.ids = new Uint32Array(btf.count);
    this.sizes = new Uint32Array(btf.count);
    this.visit = new Uint8Array(btf.count);
    this.end = btf.endId;
    this.ownKinds = btf.kindTable();
    this.ownWords = btf.words;
    this.ownRecs = btf.recs;
    this.root = btf.base && !btf.base.base ? btf.base : null;
    this.rootKinds = this.root ? this.root.kindTable() : null;
  }
  /** Resolved id of an own type, resolving it first if nothing has yet (a failure leaves 0). */
  idOf(id) {
    this.ensure(id);
    return this.ids[id - this.first];
  }
  sizeOf(id) {
    this.ensure(id);
    return this.sizes[id - this.first];
  }
  ensure(id) {
    if (this.visit[id - this.first] === RESOLVED || !needsResolve(this.kind(id))) return;
    try {
      this.resolve(id);
    } catch (err) {
      if (!(err instanceof Fail)) throw err;
      this.log = new VerifierLog();
    }
  }
  run() {
    const btf = this.btf;
    try {
      for (let id = this.first; id < btf.endId; id++) {
        this.logId = id;
        const k = this.kind(id);
        if (needsResolve(k) && !this.resolved(id)) this.resolve(id);
        if (k === KIND.FUNC_PROTO) this.funcProtoCheck(id);
      }
      return void 0;
    } catch (err) {
      if (err instanceof Fail) return this.log.fail("resolve", err.errno, this.logId);
      throw err;
    }
  }
  // ---- type access
  kind(id) {
    if (id >= this.first) return id < this.end ? this.ownKinds[id - this.first] : -1;
    if (id === 0) return 0;
    return this.rootKinds ? this.rootKinds[id - 1] : this.btf.kind(id);
  }
  /** Word k of the record of an existing type id. */
  wordOf(id, k) {
    if (id >= this.first) return this.ownWords[this.ownRecs[id - this.first] + k];
    const r = this.root;
    return r ? r.words[r.recs[id - 1] + k] : this.btf.word(id, k);
  }
  third(id) {
    return this.wordOf(id, 2);
  }
  resolved(id) {
    if (id < this.first) return true;
    return this.visit[id - this.first] === RESOLVED;
  }
  resolvedId(id) {
    if (id === 0) return 0;
    if (id < this.first) return this.base ? this.base.idOf(id) : 0;
    return this.ids[id - this.first];
  }
  resolvedSize(id) {
    if (id === 0) return 0;
    if (id < this.first) return this.base ? this.base.sizeOf(id) : 0;
    return this.sizes[id - this.first];
  }
  /** The sized type id found by the last idSize() call. */
  sid = 0;
  /**
   * btf_type_id_size: the size of the sized type `id` stands for (sid is then that type's id),
   * or -1 when it has none.
   */
  idSize(id) {
    const k = this.kind(id);
    if (nosizeOrNull(k)) return -1;
    this.sid = id;
    if (hasSize(k)) return this.third(id);
    if (k === KIND.ARRAY) return this.resolvedSize(id);
    if (k === KIND.PTR) return this.ptrSize;
    if (!isModifier(k) && k !== KIND.VAR) return -1;
    const rid = this.resolvedId(id);
    const rk = this.kind(rid);
    this.sid = rid;
    if (nosizeOrNull(rk)) return -1;
    if (hasSize(rk)) return this.third(rid);
    if (rk === KIND.ARRAY) return this.resolvedSize(rid);
    if (rk === KIND.PTR) return this.ptrSize;
    return -1;
  }
  isSink(k) {
    switch (this.mode) {
      case MODE_TBD:
        return !needsResolve(k);
      case MODE_PTR:
        return !isModifier(k) && k !== KIND.PTR;
      default:
        return !isModifier(k) && k !== KIND.ARRAY && !isStruct(k);
    }
  }
  push(id) {
    if (this.top === MAX_RESOLVE_DEPTH) throw new Fail(ERRNO.E2BIG);
    if (id < this.first || this.visit[id - this.first] !== NOT_VISITED) throw new Fail(ERRNO.EEXIST);
    this.visit[id - this.first] = VISITED;
    const v = this.stack[this.top++];
    v.id = id;
    v.nextMember = 0;
    if (this.mode === MODE_TBD) {
      const k = this.kind(id);
      if (k === KIND.PTR) this.mode = MODE_PTR;
      else if (isStruct(k) || k === KIND.ARRAY) this.mode = MODE_STRUCT_OR_ARRAY;
    }
  }
  popResolved(resolvedId, resolvedSize) {
    const v = this.stack[--this.top];
    const i = v.id - this.first;
    this.ids[i] = resolvedId >>> 0;
    this.sizes[i] = resolvedSize >>> 0;
    this.visit[i] = RESOLVED;
  }
  // ---- logging
  logName(off) {
    if (!off) return "(anon)";
    return this.btf.str(off) ?? "(invalid-name-offset)";
  }
  /** btf_verifier_log_type(env, t, msg) for type `id` at the current log id. */
  failType(id, msg, errno = ERRNO.EINVAL) {
    const k = this.kind(id);
    this.log.add(`[${this.logId}] ${kindName(k)} ${this.logName(this.btf.nameOff(id))} `);
    for (const d of this.details(id)) this.log.add(d);
    this.log.add(" ");
    this.log.add(msg);
    this.log.add("\n");
    throw new Fail(errno);
  }
  failBasic(id, msg) {
    this.log.add(`[${this.logId}] ${kindName(this.kind(id))} ${this.logName(this.btf.nameOff(id))}`);
    this.log.add(" ");
    this.log.add(msg);
    this.log.add("\n");
    throw new Fail(ERRNO.EINVAL);
  }
  /** btf_verifier_log_member at kernel log level: the member line only. */
  failMember(structId, m, msg) {
    const name = this.logName(m.nameOff);
    if (this.btf.kflag(structId)) {
      this.log.add(
        `	${name} type_id=${m.type} bitfield_size=${m.offset >>> 24} bits_offset=${m.offset & 16777215}`
      );
    } else {
      this.log.add(`	${name} type_id=${m.type} bits_offset=${m.offset}`);
    }
    this.log.add(" ");
    this.log.add(msg);
    this.log.add("\n");
    throw new Fail(ERRNO.EINVAL);
  }
  failVsi(dsId, e, msg) {
    const w = this.btf.rec(dsId) + 3 + e * 3;
    const words = this.btf.holder(dsId).words;
    this.log.add(`	 type_id=${words[w]} offset=${words[w + 1]} size=${words[w + 2]}`);
    this.log.add(" ");
    this.log.add(msg);
    this.log.add("\n");
    throw new Fail(ERRNO.EINVAL);
  }
  details(id) {
    const k = this.kind(id);
    const t = this.third(id);
    switch (k) {
      case KIND.INT: {
        const d = this.extra(id, 0);
        const enc = d >>> 24 & 15;
        const name = enc === 0 ? "(none)" : enc === 1 ? "SIGNED" : enc === 2 ? "CHAR" : enc === 4 ? "BOOL" : "UNKN";
        return [`size=${t} bits_offset=${d >>> 16 & 255} nr_bits=${d & 255} encoding=${name}`];
      }
      case KIND.ARRAY:
        return [
          `type_id=${this.extra(id, 0)} index_type_id=${this.extra(id, 1)} nr_elems=${this.extra(id, 2)}`
        ];
      case KIND.STRUCT:
      case KIND.UNION:
      case KIND.ENUM:
      case KIND.ENUM64:
      case KIND.DATASEC:
        return [`size=${t} vlen=${this.btf.vlen(id)}`];
      case KIND.FWD:
        return [this.btf.kflag(id) ? "union" : "struct"];
      case KIND.VAR:
        return [`type_id=${t} linkage=${this.extra(id, 0)}`];
      case KIND.FLOAT:
        return [`size=${t}`];
      case KIND.DECL_TAG:
        return [`type=${t} component_idx=${this.extra(id, 0) | 0}`];
      case KIND.FUNC_PROTO:
        return this.protoDetails(id);
      default:
        return [`type_id=${t}`];
    }
  }
  protoDetails(id) {
    const n = this.btf.vlen(id);
    const out = [`return=${this.third(id)} args=(`];
    const arg = (i) => ({ name: this.extra(id, i * 2), type: this.extra(id, i * 2 + 1) });
    if (!n) out.push("void");
    else if (n === 1 && !arg(0).type) out.push("vararg");
    else {
      out.push(`${arg(0).type} ${this.logName(arg(0).name)}`);
      for (let i = 1; i < n - 1; i++) out.push(`, ${arg(i).type} ${this.logName(arg(i).name)}`);
      if (n > 1) {
        const last = arg(n - 1);
        out.push(last.type ? `, ${last.type} ${this.logName(last.name)}` : ", vararg");
      }
    }
    out.push(")");
    return out;
  }
  /** Word i after struct btf_type. */
  extra(id, i) {
    return this.wordOf(id, 3 + i);
  }
  /** Member i of own struct `id`, read into one reused object (checks may retarget its type). */
  scratch = { nameOff: 0, type: 0, offset: 0 };
  member(id, i) {
    const w = this.ownRecs[id - this.first] + 3 + i * 3;
    const m = this.scratch;
    m.nameOff = this.ownWords[w];
    m.type = this.ownWords[w + 1];
    m.offset = this.ownWords[w + 2];
    return m;
  }
  // ---- btf_resolve
  resolve(id) {
    const saved = this.logId;
    this.mode = MODE_TBD;
    this.top = 0;
    this.push(id);
    try {
      while (this.top) {
        const v = this.stack[this.top - 1];
        this.logId = v.id;
        this.resolveVertex(v);
      }
    } catch (err) {
      if (err instanceof Fail && (err.errno === ERRNO.E2BIG || err.errno === ERRNO.EEXIST)) {
        this.logId = id;
        if (err.errno === ERRNO.E2BIG)
          this.failType(id, `Exceeded max resolving depth:${MAX_RESOLVE_DEPTH}`, ERRNO.E2BIG);
        this.failType(id, "Loop detected", ERRNO.EEXIST);
      }
      throw err;
    }
    this.logId = id;
    if (!this.resolveValid(id)) this.failType(id, "Invalid resolve state");
    this.logId = saved;
  }
  resolveVertex(v) {
    const k = this.kind(v.id);
    if (isModifier(k)) return this.resolveModifier(v, false);
    switch (k) {
      case KIND.PTR:
        return this.resolveModifier(v, true);
      case KIND.VAR:
        return this.resolveVar(v);
      case KIND.ARRAY:
        return this.resolveArray(v);
      case KIND.STRUCT:
      case KIND.UNION:
        return this.resolveStruct(v);
      case KIND.DATASEC:
        return this.resolveDatasec(v);
      case KIND.FUNC:
        this.funcCheck(v.id);
        return this.popResolved(this.third(v.id), 0);
      case KIND.DECL_TAG:
        return this.resolveDeclTag(v);
      default:
        this.failBasic(v.id, "Unsupported resolve");
    }
  }
  /** btf_modifier_resolve and btf_ptr_resolve. */
  resolveModifier(v, isPtr) {
    let next = this.third(v.id);
    let nk = this.kind(next);
    if (nk < 0 || sourceOnly(nk)) this.failType(v.id, "Invalid type_id");
    if (!this.isSink(nk) && !this.resolved(next)) return this.push(next);
    if (isPtr && isModifier(nk)) {
      const rid = this.resolvedId(next);
      const rk = this.kind(rid);
      if (rk === KIND.PTR && !this.isSink(rk) && !this.resolved(rid)) return this.push(rid);
    }
    if (this.idSize(next) >= 0) {
      next = this.sid;
    } else {
      if (this.resolved(next)) {
        next = this.resolvedId(next);
        nk = this.kind(next);
      }
      if (nk !== KIND.UNKN && nk !== KIND.FWD && nk !== KIND.FUNC_PROTO)
        this.failType(v.id, "Invalid type_id");
    }
    this.popResolved(next, 0);
  }
  resolveVar(v) {
    const next = this.third(v.id);
    const nk = this.kind(next);
    if (nk < 0 || sourceOnly(nk)) this.failType(v.id, "Invalid type_id");
    if (!this.isSink(nk) && !this.resolved(next)) return this.push(next);
    if (isModifier(nk)) {
      const rid = this.resolvedId(next);
      const rk = this.kind(rid);
      if (rk === KIND.PTR && !this.isSink(rk) && !this.resolved(rid)) return this.push(rid);
    }
    if (this.idSize(next) < 0) this.failType(v.id, "Invalid type_id");
    this.popResolved(this.sid, 0);
  }
  resolveArray(v) {
    const elemId = this.extra(v.id, 0);
    const indexId = this.extra(v.id, 1);
    const nelems = this.extra(v.id, 2);
    const ik = this.kind(indexId);
    if (nosizeOrNull(ik) || sourceOnly(ik)) this.failType(v.id, "Invalid index");
    if (!this.isSink(ik) && !this.resolved(indexId)) return this.push(indexId);
    if (this.idSize(indexId) < 0 || this.kind(this.sid) !== KIND.INT || !this.intIsRegular(this.sid))
      this.failType(v.id, "Invalid index");
    const ek = this.kind(elemId);
    if (nosizeOrNull(ek) || sourceOnly(ek)) this.failType(v.id, "Invalid elem");
    if (!this.isSink(ek) && !this.resolved(elemId)) return this.push(elemId);
    const elemSize = this.idSize(elemId);
    if (elemSize < 0) this.failType(v.id, "Invalid elem");
    const elem = this.sid;
    if (this.kind(elem) === KIND.INT && !this.intIsRegular(elem)) this.failType(v.id, "Invalid array of int");
    if (nelems && elemSize > Math.floor(U32_MAX / nelems)) this.failType(v.id, "Array size overflows U32_MAX");
    this.popResolved(elem, Math.imul(elemSize, nelems));
  }
  resolveStruct(v) {
    const id = v.id;
    const kflag = this.btf.kflag(id);
    if (v.nextMember) {
      const last = this.member(id, v.nextMember - 1);
      if (!this.resolved(last.type)) throw new Fail(ERRNO.EINVAL);
      this.checkMember(id, last, last.type, kflag);
    }
    const n = this.btf.vlen(id);
    for (let i = v.nextMember; i < n; i++) {
      const m = this.member(id, i);
      const mk = this.kind(m.type);
      if (nosizeOrNull(mk) || sourceOnly(mk)) this.failMember(id, m, "Invalid member");
      if (!this.isSink(mk) && !this.resolved(m.type)) {
        v.nextMember = i + 1;
        return this.push(m.type);
      }
      this.checkMember(id, m, m.type, kflag);
    }
    this.popResolved(0, 0);
  }
  resolveDatasec(v) {
    this.mode = MODE_TBD;
    const id = v.id;
    const n = this.btf.vlen(id);
    for (let i = v.nextMember; i < n; i++) {
      const varId = this.extra(id, i * 3);
      const vsiSize = this.extra(id, i * 3 + 2);
      if (this.kind(varId) !== KIND.VAR) this.failVsi(id, i, "Not a VAR kind member");
      if (!this.isSink(KIND.VAR) && !this.resolved(varId)) {
        v.nextMember = i + 1;
        return this.push(varId);
      }
      const size = this.idSize(this.third(varId));
      if (size < 0) this.failVsi(id, i, "Invalid type");
      if (vsiSize < size) this.failVsi(id, i, "Invalid size");
    }
    this.popResolved(0, 0);
  }
  resolveDeclTag(v) {
    const next = this.third(v.id);
    const nk = this.kind(next);
    if (!(isStruct(nk) || nk === KIND.FUNC || nk === KIND.VAR || nk === KIND.TYPEDEF))
      this.failType(v.id, "Invalid type_id");
    if (!this.isSink(nk) && !this.resolved(next)) return this.push(next);
    const idx = this.extra(v.id, 0) | 0;
    if (idx !== -1) {
      if (nk === KIND.VAR || nk === KIND.TYPEDEF) this.failType(v.id, "Invalid component_idx");
      const holder = isStruct(nk) ? next : this.third(next);
      const vlen = this.kind(holder) <= 0 ? 0 : this.btf.vlen(holder);
      if (idx >>> 0 >= vlen) this.failType(v.id, "Invalid component_idx");
    }
    this.popResolved(next, 0);
  }
  /** btf_func_check: a FUNC points at a FUNC_PROTO whose parameters are all named. */
  funcCheck(id) {
    const proto = this.third(id);
    if (this.kind(proto) !== KIND.FUNC_PROTO) this.failType(id, "Invalid type_id");
    const n = this.btf.vlen(proto);
    for (let i = 0; i < n; i++) {
      if (!this.extra(proto, i * 2) && this.extra(proto, i * 2 + 1)) this.failType(id, `Invalid arg#${i + 1}`);
    }
  }
  /** btf_func_proto_check. */
  funcProtoCheck(id) {
    const ret = this.third(id);
    if (ret) {
      const rk = this.kind(ret);
      if (rk < 0 || sourceOnly(rk)) this.failType(id, "Invalid return type");
      if (needsResolve(rk) && !this.resolved(ret)) this.resolve(ret);
      if (this.idSize(ret) < 0) this.failType(id, "Invalid return type");
    }
    let n = this.btf.vlen(id);
    if (!n) return;
    if (!this.extra(id, (n - 1) * 2 + 1)) {
      if (this.extra(id, (n - 1) * 2)) this.failType(id, `Invalid arg#${n}`);
      n--;
    }
    for (let i = 0; i < n; i++) {
      const nameOff = this.extra(id, i * 2);
      const type = this.extra(id, i * 2 + 1);
      const k = this.kind(type);
      if (k < 0 || sourceOnly(k)) this.failType(id, `Invalid arg#${i + 1}`);
      if (nameOff && (nameOff > 16777215 || !this.btf.isIdentifierAt(nameOff)))
        this.failType(id, `Invalid arg#${i + 1}`);
      if (needsResolve(k) && !this.resolved(type)) this.resolve(type);
      if (this.idSize(type) < 0) this.failType(id, `Invalid arg#${i + 1}`);
    }
  }
  /** btf_resolve_valid: the final sanity check after resolving `id`. */
  resolveValid(id) {
    if (!this.resolved(id)) return false;
    const k = this.kind(id);
    if (isStruct(k) || k === KIND.DATASEC) return !this.resolvedId(id) && !this.resolvedSize(id);
    if (k === KIND.DECL_TAG || k === KIND.FUNC) return !!this.resolvedId(id) && !this.resolvedSize(id);
    if (isModifier(k) || k === KIND.PTR || k === KIND.VAR) {
      const rk = this.kind(this.resolvedId(id));
      return rk >= 0 && !isModifier(rk) && rk !== KIND.VAR && rk !== KIND.DATASEC;
    }
    if (k === KIND.ARRAY) {
      const elemSize = this.idSize(this.extra(id, 0));
      return elemSize >= 0 && !isModifier(this.kind(this.sid)) && Math.imul(this.extra(id, 2), elemSize) >>> 0 === this.resolvedSize(id);
    }
    return false;
  }
  // ---- member checks (kind_ops[].check_member / check_kflag_member)
  intIsRegular(id) {
    const d = this.extra(id, 0);
    const bits = d & 255;
    const bytes2 = roundupBytes(bits);
    return (bits & 7) === 0 && (d >>> 16 & 255) === 0 && (bytes2 === 1 || bytes2 === 2 || bytes2 === 4 || bytes2 === 8 || bytes2 === 16);
  }
  checkMember(structId, m, typeId, kflag) {
    const k = this.kind(typeId);
    const structSize = this.third(structId);
    if (isModifier(k)) {
      if (this.idSize(m.type) < 0) this.failMember(structId, m, "Invalid member");
      m.type = this.sid;
      return this.checkMember(structId, m, m.type, kflag);
    }
    if (kflag) {
      if (k === KIND.INT) return this.intKflagMember(structId, structSize, m, typeId);
      if (k === KIND.ENUM || k === KIND.ENUM64) return this.enumKflagMember(structId, structSize, m);
      if (k === KIND.PTR || k === KIND.ARRAY || isStruct(k) || k === KIND.FLOAT) {
        if (m.offset >>> 24) this.failMember(structId, m, "Invalid member bitfield_size");
      }
    }
    switch (k) {
      case KIND.INT:
        return this.intMember(structId, structSize, m, typeId);
      case KIND.PTR:
        return this.sizedMember(structId, structSize, m, this.ptrSize);
      case KIND.ARRAY:
        return this.sizedMember(structId, structSize, m, Math.max(0, this.idSize(m.type)));
      case KIND.STRUCT:
      case KIND.UNION:
      case KIND.ENUM:
      case KIND.ENUM64:
        return this.sizedMember(structId, structSize, m, this.third(typeId));
      case KIND.FLOAT:
        return this.floatMember(structId, structSize, m, this.third(typeId));
      default:
        this.failBasic(structId, kflag ? "Unsupported check_kflag_member" : "Unsupported check_member");
    }
  }
  /** btf_ptr/array/struct/enum_check_member: byte aligned, within the struct. */
  sizedMember(structId, structSize, m, size) {
    if (m.offset & 7) this.failMember(structId, m, "Member is not byte aligned");
    if (structSize - (m.offset >>> 3) >>> 0 < size)
      this.failMember(structId, m, "Member exceeds struct_size");
  }
  intMember(structId, structSize, m, typeId) {
    const d = this.extra(typeId, 0);
    const intOffset = d >>> 16 & 255;
    if (U32_MAX - m.offset < intOffset) this.failMember(structId, m, "bits_offset exceeds U32_MAX");
    const bitsOff = m.offset + intOffset;
    const bytesOffset = Math.floor(bitsOff / 8);
    const copyBits = (d & 255) + (bitsOff & 7);
    if (copyBits > 128) this.failMember(structId, m, "nr_copy_bits exceeds 128");
    if (structSize < bytesOffset || structSize - bytesOffset < roundupBytes(copyBits))
      this.failMember(structId, m, "Member exceeds struct_size");
  }
  intKflagMember(structId, structSize, m, typeId) {
    if (!this.intIsRegular(typeId)) this.failMember(structId, m, "Invalid member base type");
    let bits = m.offset >>> 24;
    const bitOff = m.offset & 16777215;
    const intBits = this.extra(typeId, 0) & 255;
    if (!bits) {
      if (bitOff & 7) this.failMember(structId, m, "Invalid member offset");
      bits = intBits;
    } else if (bits > intBits) {
      this.failMember(structId, m, "Invalid member bitfield_size");
    }
    const bytesOffset = bitOff >>> 3;
    const copyBits = bits + (bitOff & 7);
    if (copyBits > 128) this.failMember(structId, m, "nr_copy_bits exceeds 128");
    if (structSize < bytesOffset || structSize - bytesOffset < roundupBytes(copyBits))
      this.failMember(structId, m, "Member exceeds struct_size");
  }
  enumKflagMember(structId, structSize, m) {
    const bitOff = m.offset & 16777215;
    let bits = m.offset >>> 24;
    if (!bits) {
      if (bitOff & 7) this.failMember(structId, m, "Member is not byte aligned");
      bits = 32;
    } else if (bits > 32) {
      this.failMember(structId, m, "Invalid member bitfield_size");
    }
    if (structSize < roundupBytes(bitOff + bits)) this.failMember(structId, m, "Member exceeds struct_size");
  }
  floatMember(structId, structSize, m, size) {
    const alignBits = Math.min(this.ptrSize, size) * 8;
    if (alignBits === 0 || m.offset % alignBits)
      this.failMember(structId, m, "Member is not properly aligned");
    if (Math.floor(m.offset / 8) + size > structSize)
      this.failMember(structId, m, "Member exceeds struct_size");
  }
};

// src/btf/rules.ts
function rulesFor(version) {
  const v = version;
  const newest = v === null;
  const wide = newest || atLeast(v, 7, 1);
  return {
    label: v ? `${v.major}.${v.minor}` : "current",
    info: wide ? WIDE_INFO : NARROW_INFO,
    headerBytes: wide ? HEADER_LAYOUT_BYTES : HEADER_V1_BYTES,
    maxKind: newest || atLeast(v, 6, 0) ? 19 : atLeast(v, 5, 17) ? 18 : atLeast(v, 5, 15) ? 17 : atLeast(v, 5, 13) ? 16 : 15,
    tagKflag: newest || atLeast(v, 6, 13),
    typeTagsFirst: !newest && !atLeast(v, 6, 13),
    distilledBase: newest || atLeast(v, 6, 11)
  };
}
function rulesForVermagic(vermagic) {
  const release2 = vermagic?.trim().split(/\s+/)[0] ?? "";
  let rules = byRelease.get(release2);
  if (!rules) {
    if (byRelease.size >= 64) byRelease.clear();
    byRelease.set(release2, rules = rulesFor(parseKernelVersion(release2 || void 0)));
  }
  return rules;
}
var byRelease = /* @__PURE__ */ new Map();

// src/btf/vmlinux-btf.ts
function readBtfSection(path2) {
  const src = new FileSource(path2);
  try {
    if (src.size >= 2) {
      const head = src.read(0, 2, "magic");
      const le = head[0] | head[1] << 8;
      const be = head[0] << 8 | head[1];
      if (le === BTF_MAGIC || be === BTF_MAGIC)
        return { bytes: src.read(0, src.size, "BTF"), littleEndian: le === BTF_MAGIC, is64: true };
    }
    const elf = ElfFile.open(src);
    const sec = elf.section(".BTF");
    if (!sec) return void 0;
    return { bytes: elf.data(sec), littleEndian: elf.littleEndian, is64: elf.is64 };
  } finally {
    src.close();
  }
}
function loadVmlinuxBtf(path2, rules) {
  let sec;
  try {
    sec = readBtfSection(path2);
    if (!sec) return { file: path2, bytes: 0, error: `${path2} has no .BTF section` };
    const btf = parseBtf(sec.bytes, path2, { encoding: rules.info, checkRefs: false });
    return {
      file: path2,
      btf,
      resolver: new BtfResolver(btf, null, sec.is64 ? 8 : 4),
      bytes: sec.bytes.length
    };
  } catch (err) {
    return {
      file: path2,
      bytes: sec?.bytes.length ?? 0,
      error: err instanceof InputError ? err.message : describeError(err)
    };
  }
}
function verifyVmlinuxBtf(path2, rules) {
  let sec;
  try {
    sec = readBtfSection(path2);
  } catch {
    return null;
  }
  if (!sec) return null;
  const res = verifyLoad({ bytes: sec.bytes, file: path2, littleEndian: sec.littleEndian, base: null, rules });
  return res.ok ? null : res.failure;
}

// src/btf/module-analyzer.ts
var LIST_CAP = 50;
var btfAnalyzer = {
  id: "btf",
  analyze(elf, ctx) {
    const sec = elf.section(".BTF");
    const baseSec = elf.section(".BTF.base");
    const rules = rulesForVermagic(vermagicOf(elf));
    const fact = {
      btfBytes: sec?.size ?? 0,
      baseRefBytes: baseSec?.size ?? 0,
      rules: rules.label,
      load: null,
      resolve: null
    };
    if (!sec) return fact;
    const bytes2 = elf.data(sec);
    const distBytes = baseSec && rules.distilledBase ? elf.data(baseSec) : void 0;
    const vmlinux = ctx.options.btfBase ? vmlinuxFor(ctx, ctx.options.btfBase, rules) : void 0;
    if (!vmlinux) fact.skipped = "no vmlinux BTF to check against";
    else if (!vmlinux.btf) fact.skipped = `the vmlinux BTF is unusable: ${vmlinux.error}`;
    const ptrSize = elf.is64 ? 8 : 4;
    const file = `${ctx.module.relPath} .BTF`;
    let against = vmlinux?.btf ?? null;
    if (distBytes) {
      const dist = verifyLoad({
        bytes: distBytes,
        file: `${ctx.module.relPath} .BTF.base`,
        littleEndian: elf.littleEndian,
        base: null,
        rules,
        role: "base"
      });
      if (!dist.ok) {
        fact.load = dist.failure;
        return fact;
      }
      against = dist.btf;
    }
    if (!against) return fact;
    const loaded = verifyLoad({ bytes: bytes2, file, littleEndian: elf.littleEndian, base: against, rules });
    let btf;
    if (loaded.ok) {
      btf = loaded.btf;
      fact.types = btf.count;
    } else {
      fact.load = loaded.failure;
      if (distBytes || !vmlinux?.btf) return fact;
      btf = readForEvidence(bytes2, file, against, rules, fact);
    }
    if (!vmlinux?.btf || !btf) return fact;
    if (distBytes) {
      const rel = relocate(btf, vmlinux.btf);
      fact.relocation = {
        ok: rel.ok,
        distilledTypes: rel.distilledTypes,
        unmatchedCount: rel.unmatched.length,
        ambiguousCount: rel.ambiguous.length,
        unmatched: rel.unmatched.slice(0, LIST_CAP),
        ambiguous: rel.ambiguous.slice(0, LIST_CAP).map((a) => ({ ...a, candidates: a.candidates.slice(0, 8) })),
        invalid: rel.invalid.slice(0, LIST_CAP)
      };
      if (rel.kernelMessage) fact.relocation.kernelMessage = rel.kernelMessage;
      if (!rel.ok || !rel.relocated) {
        fact.load = {
          step: "relocation",
          errno: rel.errno ?? 22,
          dmesg: rel.kernelMessage ? [rel.kernelMessage] : [],
          text: rel.kernelMessage ?? "relocation failed"
        };
        return fact;
      }
      btf = rel.relocated;
    }
    const ev = mismatchEvidence(btf);
    if (ev.badNames || ev.badRefs) {
      fact.mismatch = {
        likely: looksMismatched(ev),
        names: ev.names,
        badNames: ev.badNames,
        refs: ev.refs,
        badRefs: ev.badRefs,
        evidence: describeEvidence(ev, btf)
      };
    }
    if (!fact.load && vmlinux.resolver) {
      const full = resolveAll(btf, vmlinux.resolver, ptrSize);
      if (full.failure) fact.resolve = full.failure;
    }
    return fact;
  }
};
function vmlinuxFor(ctx, path2, rules) {
  let key = ruleKeys.get(rules);
  if (key === void 0) ruleKeys.set(rules, key = JSON.stringify(rules));
  return ctx.memo(`btf:vmlinux:${path2}:${key}`, () => loadVmlinuxBtf(path2, rules));
}
var ruleKeys = /* @__PURE__ */ new WeakMap();
function readForEvidence(bytes2, file, base, rules, fact) {
  try {
    const btf = parseBtf(bytes2, file, { base, encoding: rules.info, checkRefs: false });
    fact.types = btf.count;
    return btf;
  } catch (err) {
    fact.unreadable = err instanceof InputError ? err.message : describeError(err);
    return void 0;
  }
}

// src/exports/imports.ts
function textOf(bytes2) {
  return Buffer.isBuffer(bytes2) ? bytes2 : Buffer.from(bytes2.buffer, bytes2.byteOffset, bytes2.byteLength);
}
var EM_SPARC = 2;
var EM_SPARCV9 = 43;
var STT_SPARC_REGISTER = 13;
function readImports(elf) {
  const sec = elf.sections.find((s) => s.type === SHT_SYMTAB);
  if (!sec) return { imports: [], weak: [] };
  const entsize = elf.is64 ? 24 : 16;
  if (sec.entsize !== 0 && sec.entsize !== entsize) {
    throw new InputError("bad-value", elf.file, `${sec.name}: symbol entry size ${sec.entsize}, expected ${entsize}`);
  }
  const strSec = elf.sections[sec.link];
  if (!strSec) throw new InputError("bad-value", elf.file, `${sec.name}: string table index ${sec.link} is out of range`);
  const strings = elf.data(strSec);
  const text = textOf(strings);
  const table = elf.data(sec);
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const le = elf.littleEndian;
  const count2 = Math.floor(table.byteLength / entsize);
  const infoAt = elf.is64 ? 4 : 12;
  const shndxAt = elf.is64 ? 6 : 14;
  const strong = /* @__PURE__ */ new Set();
  const weak = /* @__PURE__ */ new Set();
  const sparc = elf.machine === EM_SPARC || elf.machine === EM_SPARCV9;
  for (let i = 1; i < count2; i++) {
    const o = i * entsize;
    if (view.getUint16(o + shndxAt, le) !== SHN_UNDEF) continue;
    const info = table[o + infoAt];
    const bind = info >> 4;
    if (bind !== STB_GLOBAL && bind !== STB_WEAK) continue;
    if (sparc && (info & 15) === STT_SPARC_REGISTER) continue;
    const nameOff = view.getUint32(o, le);
    const end = nameOff < strings.length ? strings.indexOf(0, nameOff) : -1;
    if (end < 0) throw new InputError("bad-value", elf.file, `symbol ${i}: name offset ${nameOff} is outside ${strSec.name || "its string table"}`);
    let name = removeDot(text.toString("utf8", nameOff, end));
    if (name === "" || ignoredUndefined(name, elf.machine)) continue;
    if (sparc && name.startsWith(".")) name = "_" + name.charAt(1).toUpperCase() + name.slice(2);
    if (bind === STB_WEAK) weak.add(name);
    else strong.add(name);
  }
  for (const n of strong) weak.delete(n);
  return { imports: [...strong].sort(), weak: [...weak].sort() };
}
function ignoredUndefined(name, machine) {
  if (name === "__this_module" || name === "_GLOBAL_OFFSET_TABLE_") return true;
  if (machine === EM_PPC) return /^_(restgpr|savegpr|rest32gpr|save32gpr|restvr|savevr)_/.test(name);
  if (machine === EM_PPC64) return name === ".TOC." || /^_(restgpr0|savegpr0|restgpr1|savegpr1|restfpr|savefpr|restvr|savevr)_/.test(name);
  return false;
}
function removeDot(s) {
  const n = s.indexOf(".");
  if (n <= 0) return s;
  let m = n + 1;
  while (m < s.length && s.charCodeAt(m) >= 48 && s.charCodeAt(m) <= 57) m++;
  if (m > n + 1 && (m === s.length || s.charAt(m) === ".")) return s.slice(0, n);
  return s;
}
function readVersions(elf) {
  const extCrcs = elf.section("__version_ext_crcs");
  const extNames = elf.section("__version_ext_names");
  if (extCrcs && extNames) {
    const r = elf.reader(extCrcs);
    const bytes3 = elf.data(extNames);
    const text2 = textOf(bytes3);
    const count3 = Math.floor(extCrcs.size / 4);
    const names3 = new Array(count3);
    const crcs2 = new Array(count3);
    let p = 0;
    for (let i = 0; i < count3; i++) {
      const end = bytes3.indexOf(0, p);
      if (end < 0) throw new InputError("bad-value", elf.file, `__version_ext_names ends before name ${i} of ${count3}`);
      names3[i] = text2.toString("utf8", p, end);
      crcs2[i] = r.u32(i * 4);
      p = end + 1;
    }
    return { names: names3, crcs: crcs2, extended: true };
  }
  const sec = elf.section("__versions");
  if (!sec) return null;
  const word = elf.is64 ? 8 : 4;
  const size = 64;
  if (sec.size % size !== 0) throw new InputError("bad-value", elf.file, `__versions size ${sec.size} is not a multiple of ${size}`);
  const bytes2 = elf.data(sec);
  const text = textOf(bytes2);
  const view = new DataView(bytes2.buffer, bytes2.byteOffset, bytes2.byteLength);
  const le = elf.littleEndian;
  const count2 = bytes2.byteLength / size;
  const names2 = new Array(count2);
  const crcs = new Array(count2);
  for (let i = 0; i < count2; i++) {
    const o = i * size;
    const end = bytes2.indexOf(0, o + word);
    if (end < 0 || end >= o + size) throw new InputError("bad-value", elf.file, `__versions entry ${i}: name is not NUL-terminated`);
    names2[i] = text.toString("utf8", o + word, end);
    if (!elf.is64) crcs[i] = view.getUint32(o, le);
    else {
      const lo = view.getUint32(o + (le ? 0 : 4), le);
      const hi = view.getUint32(o + (le ? 4 : 0), le);
      crcs[i] = hi * 4294967296 + lo;
    }
  }
  return { names: names2, crcs, extended: false };
}

// src/exports/ksymtab.ts
function findTables(elf) {
  const ks = elf.section("__ksymtab");
  const ksGpl = elf.section("__ksymtab_gpl");
  if (!ks && !ksGpl) return null;
  const strings = elf.section("__ksymtab_strings");
  if (!strings) {
    const total = (ks?.size ?? 0) + (ksGpl?.size ?? 0);
    if (total === 0) return null;
    throw new InputError("bad-value", elf.file, "__ksymtab has entries but there is no __ksymtab_strings section");
  }
  const ksymtabs = [];
  if (ks) ksymtabs.push({ sec: ks, gpl: false, crc: elf.section("__kcrctab") });
  if (ksGpl) ksymtabs.push({ sec: ksGpl, gpl: true, crc: elf.section("__kcrctab_gpl") });
  const flags = elf.section("__kflagstab");
  return flags ? { ksymtabs, strings, flags } : { ksymtabs, strings };
}
function readKsymtab(elf) {
  const t = findTables(elf);
  if (!t) return [];
  const strings = elf.data(t.strings);
  const out = [];
  for (const { sec, gpl, crc } of t.ksymtabs) {
    if (sec.size === 0) continue;
    const refs = elf.type === ET_REL ? relocatedRefs(elf, sec, t.strings) : linkedRefs(elf, sec, t.strings, strings);
    const crcs = crc && crc.size > 0 ? readCrcs(elf, crc, refs.length, sec.name) : null;
    const flags = t.flags && !gpl ? readFlags(elf, t.flags, refs.length) : null;
    for (let i = 0; i < refs.length; i++) {
      const { name, ns } = refs[i];
      const symbol = stringAt(elf, strings, name, `${sec.name} entry ${i} name`);
      const namespace = ns === null ? "" : stringAt(elf, strings, ns, `${sec.name} entry ${i} namespace`);
      out.push({ symbol, gplOnly: gpl || flags !== null && (flags[i] & 1) !== 0, namespace, crc: crcs ? crcs[i] : null });
    }
  }
  return out;
}
function stringAt(elf, strings, off, what) {
  const s = cString(strings, off);
  if (s === void 0) throw new InputError("bad-value", elf.file, `${what}: offset ${off} is not a string in __ksymtab_strings`);
  return s;
}
function linkedRefs(elf, sec, stringsSec, strings) {
  const r = elf.reader(sec);
  const candidates = elf.is64 ? ["prel32", "abs64"] : ["abs32", "prel32"];
  const problems = [];
  for (const layout2 of candidates) {
    const size = entrySize(layout2);
    if (sec.size % size !== 0) {
      problems.push(`${layout2}: size 0x${sec.size.toString(16)} is not a multiple of ${size}`);
      continue;
    }
    const refs = decodeLinked(r, sec, stringsSec, strings.length, layout2);
    if (typeof refs === "string") problems.push(`${layout2}: ${refs}`);
    else return refs;
  }
  throw new InputError("unsupported", elf.file, `cannot decode ${sec.name} (${problems.join("; ")})`);
}
function entrySize(layout2) {
  return layout2 === "abs64" ? 24 : 12;
}
function decodeLinked(r, sec, stringsSec, stringsLen, layout2) {
  const size = entrySize(layout2);
  const field = size / 3;
  const count2 = sec.size / size;
  const base = stringsSec.addr;
  const end = base + BigInt(stringsLen);
  const out = new Array(count2);
  const target = (o) => {
    if (layout2 === "prel32") return sec.addr + BigInt(o) + BigInt(r.i32(o));
    return layout2 === "abs64" ? r.u64(o) : BigInt(r.u32(o));
  };
  for (let i = 0; i < count2; i++) {
    const o = i * size;
    const name = target(o + field);
    if (name < base || name >= end) return `entry ${i} name points to 0x${name.toString(16)}, outside __ksymtab_strings`;
    const rawNs = layout2 === "prel32" ? r.i32(o + 2 * field) : layout2 === "abs64" ? r.u64(o + 2 * field) : BigInt(r.u32(o + 2 * field));
    let ns = null;
    if (rawNs !== 0 && rawNs !== 0n) {
      const nsAddr = target(o + 2 * field);
      if (nsAddr < base || nsAddr >= end) return `entry ${i} namespace points to 0x${nsAddr.toString(16)}, outside __ksymtab_strings`;
      ns = Number(nsAddr - base);
    }
    out[i] = { name: Number(name - base), ns };
  }
  return out;
}
function relocatedRefs(elf, sec, stringsSec) {
  const relSecs = elf.sections.filter((s) => (s.type === SHT_RELA || s.type === SHT_REL) && s.info === sec.index);
  if (relSecs.length === 0) throw new InputError("bad-value", elf.file, `${sec.name} has entries but no relocations`);
  const symtab = elf.sections[relSecs[0].link];
  if (!symtab) throw new InputError("bad-value", elf.file, `${sec.name}: relocations name symbol table ${relSecs[0].link}, which does not exist`);
  const symbol = symbolReader(elf, symtab);
  const content = elf.reader(sec);
  const relocs = [];
  for (const rs of relSecs) {
    for (const rel of elf.relocations(rs)) {
      relocs.push({ offset: Number(rel.offset), symbol: rel.symbol, addend: rs.type === SHT_RELA ? rel.addend : null });
    }
  }
  let size;
  if (!elf.is64) size = 12;
  else size = relocs.some((x) => x.offset % 8 === 4) || sec.size % 24 !== 0 ? 12 : 24;
  if (sec.size % size !== 0) throw new InputError("bad-value", elf.file, `${sec.name} size 0x${sec.size.toString(16)} is not a multiple of the ${size}-byte entry`);
  const field = size / 3;
  const count2 = sec.size / size;
  const out = Array.from({ length: count2 }, () => ({ name: null, ns: null }));
  for (const rel of relocs) {
    if (rel.offset < 0 || rel.offset >= sec.size) {
      throw new InputError("bad-value", elf.file, `relocation at 0x${rel.offset.toString(16)} is outside ${sec.name}`);
    }
    const entry = Math.floor(rel.offset / size);
    const which = rel.offset % size / field;
    if (which !== 1 && which !== 2) continue;
    const sym = symbol(rel.symbol, sec.name);
    if (sym.shndx !== stringsSec.index) {
      throw new InputError("bad-value", elf.file, `${sec.name} entry ${entry}: ${which === 1 ? "name" : "namespace"} is relocated against symbol ${rel.symbol}, not into __ksymtab_strings`);
    }
    const addend = rel.addend ?? (field === 4 ? BigInt(content.i32(rel.offset)) : BigInt.asIntN(64, content.u64(rel.offset)));
    const base = sym.type === STT_SECTION ? 0n : sym.value;
    const off = Number(base + addend);
    if (which === 1) out[entry].name = off;
    else out[entry].ns = off;
  }
  return out.map((e, i) => {
    if (e.name === null) throw new InputError("bad-value", elf.file, `${sec.name} entry ${i} has no name relocation`);
    return { name: e.name, ns: e.ns };
  });
}
function symbolReader(elf, symtab) {
  const entsize = elf.is64 ? 24 : 16;
  const r = elf.reader(symtab);
  return (index, what) => {
    const o = index * entsize;
    if (index <= 0 || o + entsize > r.length) throw new InputError("bad-value", elf.file, `${what} relocation refers to symbol ${index}, outside the symbol table`);
    const info = r.u8(o + (elf.is64 ? 4 : 12));
    const shndx = r.u16(o + (elf.is64 ? 6 : 14));
    const value = elf.is64 ? r.u64(o + 8) : BigInt(r.u32(o + 4));
    return { shndx, value, type: info & 15 };
  };
}
function readCrcs(elf, sec, count2, table) {
  if (sec.size !== count2 * 4) {
    throw new InputError("bad-value", elf.file, `${sec.name} holds ${sec.size / 4} CRCs for ${count2} entries of ${table}`);
  }
  const r = new ByteReader(elf.data(sec), elf.littleEndian, elf.file);
  const out = new Array(count2);
  for (let i = 0; i < count2; i++) out[i] = r.u32(i * 4);
  return out;
}
function readFlags(elf, sec, count2) {
  if (sec.size !== count2) throw new InputError("bad-value", elf.file, `__kflagstab holds ${sec.size} flags for ${count2} __ksymtab entries`);
  return elf.data(sec);
}
function readExportMarkers(elf) {
  const sec = elf.section(".export_symbol");
  if (!sec || sec.size === 0) return [];
  const data = elf.data(sec);
  const prefix = "__export_symbol_";
  const out = [];
  for (const sym of elf.symbols()) {
    if (sym.reserved || sym.shndx !== sec.index || !sym.name.startsWith(prefix)) continue;
    const off = Number(sym.value);
    const license = cString(data, off);
    const namespace = license === void 0 ? void 0 : cString(data, off + license.length + 1);
    if (license === void 0 || namespace === void 0) {
      throw new InputError("bad-value", elf.file, `.export_symbol: ${sym.name} does not point at a license and a namespace`);
    }
    if (license !== "GPL" && license !== "") throw new InputError("bad-value", elf.file, `.export_symbol: unknown license "${license}" for ${sym.name.slice(prefix.length)}`);
    out.push({ symbol: sym.name.slice(prefix.length), gplOnly: license === "GPL", namespace, crc: null });
  }
  return out.sort((a, b) => a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0);
}

// src/exports/module-analyzer.ts
function recordedCrc(v, name) {
  const i = v.names.indexOf(name);
  return i < 0 || Number.isNaN(v.crcs[i]) ? void 0 : v.crcs[i];
}
function packLinkage(imports, weak, raw, exports) {
  const names2 = [...imports, ...weak];
  let crcs = null;
  if (raw) {
    const at = /* @__PURE__ */ new Map();
    names2.forEach((n, i) => at.set(n, i));
    const values = new Array(names2.length).fill(Number.NaN);
    for (let i = 0; i < raw.names.length; i++) {
      const n = raw.names[i];
      let j = at.get(n);
      if (j === void 0) {
        j = names2.length;
        names2.push(n);
        values.push(Number.NaN);
        at.set(n, j);
      }
      if (Number.isNaN(values[j])) values[j] = raw.crcs[i];
    }
    crcs = Float64Array.from(values);
  }
  return { names: names2.join("\0"), imports: imports.length, weak: weak.length, crcs, extended: raw?.extended ?? false, exports };
}
function unpackLinkage(p) {
  const names2 = p.names === "" ? [] : p.names.split("\0");
  return {
    imports: names2.slice(0, p.imports),
    weak: names2.slice(p.imports, p.imports + p.weak),
    versions: p.crcs ? { names: names2, crcs: p.crcs, extended: p.extended } : null,
    exports: p.exports
  };
}
var linkageAnalyzer = {
  id: "linkage",
  analyze(elf) {
    const { imports, weak } = readImports(elf);
    let exports = readKsymtab(elf);
    if (!exports.length && elf.type === ET_REL) exports = readExportMarkers(elf);
    return packLinkage(imports, weak, readVersions(elf), exports);
  }
};

// src/load/modinfo-analyzer.ts
var modinfoAnalyzer = {
  id: "modinfo",
  analyze(elf) {
    const sec = elf.section(".modinfo");
    if (!sec) return null;
    const data = elf.data(sec);
    const entries = [];
    let start = 0;
    for (let i = 0; i <= data.length; i++) {
      if (i === data.length || data[i] === 0) {
        if (i > start) {
          const s = Buffer.from(data.subarray(start, i)).toString("utf8");
          const eq = s.indexOf("=");
          if (eq > 0) entries.push([s.slice(0, eq), s.slice(eq + 1)]);
        }
        start = i + 1;
      }
    }
    const get = (k) => entries.find((e) => e[0] === k)?.[1];
    const all = (k) => entries.filter((e) => e[0] === k).map((e) => e[1]);
    const depends = get("depends");
    return {
      license: get("license"),
      licenses: all("license"),
      intree: get("intree") === "Y",
      vermagic: get("vermagic"),
      importNs: all("import_ns"),
      depends: depends ? depends.split(",").filter(Boolean) : []
    };
  }
};

// src/sizes/module-classes.ts
var MODULE_CLASSES = ["text", "rodata", "roAfterInit", "data", "bss", "initText", "initRodata", "initData", "percpu"];
var CLASS_LABELS = {
  text: "text",
  rodata: "rodata",
  roAfterInit: "ro_after_init",
  data: "data",
  bss: "bss",
  initText: "init text",
  initRodata: "init rodata",
  initData: "init data",
  percpu: "percpu"
};
var RO_AFTER_INIT_SECTIONS = /* @__PURE__ */ new Set([".data..ro_after_init", "__jump_table"]);
var STATIC_CALL_RO_FROM = { major: 7, minor: 0 };
var DROPPED_SECTIONS = /* @__PURE__ */ new Set([".modinfo", "__versions", "__version_ext_crcs", "__version_ext_names"]);
function layoutOptionsFromVermagic(vermagic) {
  if (!vermagic) return {};
  const words = vermagic.trim().split(/\s+/);
  return { moduleUnload: words.includes("mod_unload"), version: parseKernelVersion(words[0]) };
}
function isInitName(name, machine, unload) {
  const arm = machine === EM_ARM;
  if (machine !== EM_PPC64 && name.startsWith(".init") || arm && (name.startsWith(".ARM.extab.init") || name.startsWith(".ARM.exidx.init"))) return true;
  if (unload) return false;
  return name.startsWith(".exit") || arm && (name.startsWith(".ARM.extab.exit") || name.startsWith(".ARM.exidx.exit"));
}
function moduleSectionClass(sec, machine, opts = {}) {
  if ((sec.flags & SHF_ALLOC) === 0 || sec.index === 0) return null;
  if (DROPPED_SECTIONS.has(sec.name)) return null;
  if (sec.name === ".data..percpu") return "percpu";
  const init = isInitName(sec.name, machine, opts.moduleUnload ?? true);
  if (sec.flags & SHF_EXECINSTR) return init ? "initText" : "text";
  if ((sec.flags & SHF_WRITE) === 0) return init ? "initRodata" : "rodata";
  const roAfterInit = RO_AFTER_INIT_SECTIONS.has(sec.name) || sec.name === ".static_call_sites" && atLeast(opts.version ?? null, STATIC_CALL_RO_FROM.major, STATIC_CALL_RO_FROM.minor);
  if (roAfterInit) return init ? null : "roAfterInit";
  if (init) return "initData";
  return sec.type === SHT_NOBITS ? "bss" : "data";
}
function moduleClassSizes(elf, opts = {}) {
  const out = MODULE_CLASSES.map(() => 0);
  for (const sec of elf.sections) {
    const c = moduleSectionClass(sec, elf.machine, opts);
    if (c) out[MODULE_CLASSES.indexOf(c)] += sec.size;
  }
  return out;
}

// src/sizes/byte-size-table.ts
var ByteSizeTable = class _ByteSizeTable {
  arena;
  top = 0;
  starts;
  lengths;
  sizes;
  /**
   * Open addressing, at most half full: per slot its name's hash, entry index + 1 (0: empty),
   * start and length, so a probe reads one cache line before the name's bytes.
   */
  slots;
  /** Distinct names. */
  count = 0;
  /** `bytes` and `names`: room to start with (a table grows as needed). */
  constructor(bytes2 = 4096, names2 = 64) {
    this.arena = new Uint8Array(Math.max(bytes2, 64));
    this.starts = new Int32Array(Math.max(names2, 16));
    this.lengths = new Int32Array(this.starts.length);
    this.sizes = new Float64Array(this.starts.length);
    let slotCount = 64;
    while (slotCount < 2 * names2) slotCount *= 2;
    this.slots = new Int32Array(4 * slotCount);
  }
  /** Adds the raw name src[from, to) (an nm name, '@' version included) with its size, cleaned; skipped names are dropped. */
  addRaw(src, from, to, size) {
    if (from === to || src[from] === 64 || skipped(src, from, to)) return;
    const need = this.top + (to - from);
    if (need > this.arena.length) this.arena = grown(this.arena, need);
    const arena2 = this.arena;
    const top = this.top;
    let w = top;
    let h = FNV_OFFSET;
    for (let k = from; k < to; ) {
      const c = src[k];
      if (c === 64) break;
      if (c === 58 || c >= 9 && c <= 13 || c >= 28 && c <= 32) return;
      if (c === 46 && k + 1 < to && isDigit(src[k + 1])) {
        k += 2;
        while (k < to && isDigit(src[k])) k++;
        continue;
      }
      arena2[w++] = c;
      h = Math.imul(h ^ c, FNV_PRIME);
      k++;
    }
    this.insert(h, top, w - top, size);
  }
  /** The entry whose name is units[0, length), or -1. */
  find(units, length) {
    let h = FNV_OFFSET;
    for (let k = 0; k < length; k++) h = Math.imul(h ^ units[k], FNV_PRIME);
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    const arena2 = this.arena;
    for (let s = h & mask; ; s = s + 1 & mask) {
      const at = s << 2;
      const e = slots[at + 1] - 1;
      if (e < 0) return -1;
      if (slots[at] !== h || slots[at + 3] !== length) continue;
      const start = slots[at + 2];
      let k = 0;
      while (k < length && arena2[start + k] === units[k]) k++;
      if (k === length) return e;
    }
  }
  sizeAt(e) {
    return this.sizes[e];
  }
  nameAt(e) {
    const start = this.starts[e];
    return Buffer.from(this.arena.buffer, this.arena.byteOffset, this.arena.byteLength).toString("latin1", start, start + this.lengths[e]);
  }
  get size() {
    return this.count;
  }
  /** The table as plain typed arrays, trimmed, to cross a thread boundary (fromWire rebuilds it). */
  toWire() {
    const n = this.count;
    return {
      count: n,
      arena: this.arena.slice(0, this.top),
      starts: this.starts.slice(0, n),
      lengths: this.lengths.slice(0, n),
      sizes: this.sizes.slice(0, n),
      slots: this.slots.slice()
    };
  }
  /**
   * A table from toWire's arrays (made by our own module workers, not read from a file):
   * the shapes are checked, so a wrong message fails here rather than in a lookup.
   */
  static fromWire(w) {
    const n = w.count;
    const ok = Number.isSafeInteger(n) && w.arena instanceof Uint8Array && w.starts instanceof Int32Array && w.starts.length === n && w.lengths instanceof Int32Array && w.lengths.length === n && w.sizes instanceof Float64Array && w.sizes.length === n && w.slots instanceof Int32Array && w.slots.length >= 8 * n && (w.slots.length & w.slots.length - 1) === 0;
    if (!ok) throw new Error("a size table from a module worker has the wrong shape");
    const t = new _ByteSizeTable(0, 0);
    t.arena = w.arena;
    t.top = w.arena.length;
    t.starts = w.starts;
    t.lengths = w.lengths;
    t.sizes = w.sizes;
    t.slots = w.slots;
    t.count = n;
    return t;
  }
  /** The same table as a map, in the order names were first added (as SizeTable.toMap). */
  toMap() {
    const m = /* @__PURE__ */ new Map();
    for (let e = 0; e < this.count; e++) m.set(this.nameAt(e), this.sizes[e]);
    return m;
  }
  /** Sums `size` into the name arena[start, start + length) of hash h, kept (top advanced) when new. */
  insert(h, start, length, size) {
    const arena2 = this.arena;
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    let s = h & mask;
    for (; ; s = s + 1 & mask) {
      const at2 = s << 2;
      const e2 = slots[at2 + 1] - 1;
      if (e2 < 0) break;
      if (slots[at2] !== h || slots[at2 + 3] !== length) continue;
      const old = slots[at2 + 2];
      let k = 0;
      while (k < length && arena2[old + k] === arena2[start + k]) k++;
      if (k === length) {
        this.sizes[e2] += size;
        return;
      }
    }
    const e = this.count++;
    if (e === this.starts.length) this.growEntries();
    this.starts[e] = start;
    this.lengths[e] = length;
    this.sizes[e] = size;
    const at = s << 2;
    slots[at] = h;
    slots[at + 1] = e + 1;
    slots[at + 2] = start;
    slots[at + 3] = length;
    this.top = start + length;
    if (this.count * 2 > slots.length >> 2) this.rehash();
  }
  growEntries() {
    const n = Math.max(16, this.starts.length * 2);
    const starts = new Int32Array(n);
    const lengths = new Int32Array(n);
    const sizes = new Float64Array(n);
    starts.set(this.starts);
    lengths.set(this.lengths);
    sizes.set(this.sizes);
    this.starts = starts;
    this.lengths = lengths;
    this.sizes = sizes;
  }
  rehash() {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 2) - 1;
    for (let from = 0; from < old.length; from += 4) {
      if (old[from + 1] === 0) continue;
      let s = old[from] & mask;
      while (slots[(s << 2) + 1] !== 0) s = s + 1 & mask;
      const at = s << 2;
      slots[at] = old[from];
      slots[at + 1] = old[from + 1];
      slots[at + 2] = old[from + 2];
      slots[at + 3] = old[from + 3];
    }
    this.slots = slots;
  }
};
var FNV_OFFSET = 2166136261 | 0;
var FNV_PRIME = 16777619;
function isDigit(c) {
  return c >= 48 && c <= 57;
}
function grown(a, need) {
  const b = new Uint8Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}
var bytesOf = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
var SKIPPED_PREFIXES = ["__mod_", "__se_sys", "__se_compat_sys", "__addressable_", "__noinstr_text_start", "_sdata"].map(bytesOf);
var SKIPPED_NAMES = ["linux_banner", "vermagic"].map(bytesOf);
function skipped(src, from, to) {
  const first = src[from] === 95;
  const second = to - from > 1 ? src[from + 1] : -1;
  if (first ? second !== 95 && second !== 115 : second !== 105 && second !== 101) return false;
  const list = first ? SKIPPED_PREFIXES : SKIPPED_NAMES;
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    if (to - from < p.length) continue;
    let k = 0;
    while (k < p.length && src[from + k] === p[k]) k++;
    if (k === p.length && (first || from + k === to || src[from + k] === 64)) return true;
  }
  return false;
}

// src/sizes/packed-cursor.ts
var PackedCursor = class {
  /** The current entry's size. */
  size = 0;
  /** Whether every name so far was greater than the one before (UTF-16 order, as `<` compares). */
  ascending = true;
  /** The current name: units[0, length) (read only; overwritten by next()). */
  units = new Uint16Array(256);
  length = 0;
  line = 0;
  pos = 0;
  text;
  file;
  constructor(text, file) {
    this.text = text;
    this.file = file;
    if (text === "") this.pos = 1;
  }
  /** Moves to the next entry; false when there is none. Throws InputError on a malformed line. */
  next() {
    const text = this.text;
    const start = this.pos;
    if (start > text.length) return false;
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    this.line++;
    const a = text.indexOf(" ", start);
    const b = text.lastIndexOf(" ", end - 1);
    const shared = a > start && a < end ? base36(text, start, a) : -1;
    const size = b > a + 1 && b < end ? base36(text, b + 1, end) : -1;
    if (shared < 0 || shared > this.length || size < 0) {
      throw new InputError("bad-value", this.file, `packed symbol sizes, line ${this.line}: malformed entry`);
    }
    const rest = b - a - 1;
    const length = shared + rest;
    if (length > this.units.length) {
      const grown2 = new Uint16Array(Math.max(length, this.units.length * 2));
      grown2.set(this.units.subarray(0, this.length));
      this.units = grown2;
    }
    const units = this.units;
    const old = this.length;
    let order = 0;
    for (let k = 0; k < rest; k++) {
      const c = text.charCodeAt(a + 1 + k);
      const i = shared + k;
      if (order === 0) order = i >= old ? 1 : c === units[i] ? 0 : c > units[i] ? 1 : -1;
      units[i] = c;
    }
    if (order === 0) order = length > old ? 1 : length < old ? -1 : 0;
    if (this.line > 1 && order <= 0) this.ascending = false;
    this.length = length;
    this.size = size;
    this.pos = end + 1;
    return true;
  }
  /** The current name against another cursor's: negative, zero or positive, as UTF-16 order has it. */
  compare(other) {
    const a = this.units;
    const b = other.units;
    const n = Math.min(this.length, other.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return this.length - other.length;
  }
  /** The current name as a string. */
  name() {
    let s = "";
    for (let i = 0; i < this.length; i += 4096) s += String.fromCharCode(...this.units.subarray(i, Math.min(this.length, i + 4096)));
    return s;
  }
};
function base36(text, from, to) {
  if (from >= to) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : c >= 65 && c <= 90 ? c - 55 : -1;
    if (d < 0 || n > 2 ** 46) return slowBase36(text, from, to);
    n = n * 36 + d;
  }
  return n;
}
function slowBase36(text, from, to) {
  const n = parseInt(text.slice(from, to), 36);
  return Number.isSafeInteger(n) && n >= 0 ? n : -1;
}

// src/sizes/size-table.ts
var SizeTable = class _SizeTable {
  positions = /* @__PURE__ */ new Map();
  names = [];
  sizes = [];
  add(name, size) {
    const i = this.positions.get(name);
    if (i === void 0) {
      this.positions.set(name, this.names.length);
      this.names.push(name);
      this.sizes.push(size);
    } else {
      this.sizes[i] += size;
    }
  }
  static fromMap(m) {
    const t = new _SizeTable();
    for (const [name, size] of m) t.add(name, size);
    return t;
  }
  get size() {
    return this.names.length;
  }
  /** The same table as a map, in the order names were first added. */
  toMap() {
    const m = /* @__PURE__ */ new Map();
    for (let i = 0; i < this.names.length; i++) m.set(this.names[i], this.sizes[i]);
    return m;
  }
};

// src/bytes/multikey-sort.ts
var SMALL_RUN = 10;
function multikeyOrder(count2, unit, compare) {
  const order = new Int32Array(count2);
  for (let i = 0; i < count2; i++) order[i] = i;
  const stack = [0, count2, 0];
  while (stack.length) {
    const depth = stack.pop();
    const hi = stack.pop();
    const lo = stack.pop();
    if (hi - lo <= SMALL_RUN) {
      for (let k = lo + 1; k < hi; k++) {
        const x = order[k];
        let j = k - 1;
        while (j >= lo && compare(order[j], x, depth) > 0) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = x;
      }
      continue;
    }
    const a = unit(order[lo], depth);
    const b = unit(order[lo + hi >> 1], depth);
    const c = unit(order[hi - 1], depth);
    const pivot = a < b ? b < c ? b : a < c ? c : a : a < c ? a : b < c ? c : b;
    let lt = lo;
    let gt = hi - 1;
    let i = lo;
    while (i <= gt) {
      const v = unit(order[i], depth);
      if (v < pivot) {
        const t = order[lt];
        order[lt++] = order[i];
        order[i++] = t;
      } else if (v > pivot) {
        const t = order[gt];
        order[gt--] = order[i];
        order[i] = t;
      } else i++;
    }
    if (lt - lo > 1) stack.push(lo, lt, depth);
    if (hi - gt - 1 > 1) stack.push(gt + 1, hi, depth);
    if (gt + 1 - lt > 1) {
      if (pivot === 0) order.subarray(lt, gt + 1).sort();
      else stack.push(lt, gt + 1, depth + 1);
    }
  }
  return order;
}

// src/sizes/sort-strings.ts
function sortStrings(names2) {
  const order = multikeyOrder(
    names2.length,
    (i, depth) => {
      const s = names2[i];
      return depth < s.length ? s.charCodeAt(depth) + 1 : 0;
    },
    (a, b) => {
      const x = names2[a];
      const y = names2[b];
      return x < y ? -1 : x > y ? 1 : a - b;
    }
  );
  const out = new Array(names2.length);
  for (let k = 0; k < order.length; k++) out[k] = names2[order[k]];
  return out;
}

// src/elf/nm.ts
function nmTypeLetter(elf, sym) {
  return nmLetter(elf, sym.bind, sym.type, sym.shndx, sym.reserved);
}
function nmLetter(elf, bind, type, shndx, reserved, letters = sectionLetters(elf)) {
  const weak = bind === STB_WEAK;
  const object = type === STT_OBJECT || type === STT_COMMON;
  if (reserved && shndx === SHN_COMMON) return "C";
  if (!reserved && shndx === SHN_UNDEF) return weak ? object ? "v" : "w" : "U";
  if (type === STT_GNU_IFUNC) return "i";
  if (weak) return object ? "V" : "W";
  if (bind === STB_GNU_UNIQUE) return "u";
  if (bind !== STB_GLOBAL && bind !== STB_LOCAL) return "?";
  const c = reserved || shndx === SHN_ABS ? "a" : letters[shndx] ?? "a";
  return bind === STB_GLOBAL ? c.toUpperCase() : c;
}
function nmListed(sym) {
  return sym.index !== 0 && sym.type !== STT_SECTION && sym.type !== STT_FILE;
}
var cache = /* @__PURE__ */ new WeakMap();
function sectionLetters(elf) {
  let letters = cache.get(elf);
  if (!letters) {
    letters = elf.sections.map(sectionLetter);
    cache.set(elf, letters);
  }
  return letters;
}
function sectionLetter(sec) {
  for (const [prefix, letter] of COFF_NAMES) {
    if (sec.name.startsWith(prefix)) {
      const next = sec.name.charAt(prefix.length);
      if (next === "" || next === "." || next === "$") return letter;
    }
  }
  const alloc = (sec.flags & SHF_ALLOC) !== 0;
  const contents = sec.type !== SHT_NOBITS;
  const load = alloc && contents;
  const readonly = (sec.flags & SHF_WRITE) === 0;
  if ((sec.flags & SHF_EXECINSTR) !== 0) return "t";
  if (load) return readonly ? "r" : "d";
  if (!contents) return "b";
  if (!alloc && isDebugName(sec.name)) return "N";
  if (readonly) return "n";
  return "?";
}
var COFF_NAMES = [
  [".drectve", "i"],
  [".edata", "e"],
  [".idata", "i"],
  [".pdata", "p"]
];
function isDebugName(name) {
  return name.startsWith(".debug") || name.startsWith(".gnu.debuglto_.debug_") || name.startsWith(".gnu.linkonce.wi.") || name.startsWith(".zdebug") || name.startsWith(".line") || name.startsWith(".stab") || name === ".gdb_index";
}
function nmValue(elf, sym) {
  if (elf.type !== ET_REL || sym.reserved || sym.shndx === SHN_UNDEF) return sym.value;
  const sec = elf.sections[sym.shndx];
  return sec ? BigInt.asUintN(elf.is64 ? 64 : 32, sym.value + sec.addr) : sym.value;
}

// src/sizes/symbol-sizes.ts
var CATEGORIES = ["function", "data", "rodata"];
var CATEGORY_LETTERS = { function: "tTwW", data: "dDbBvV", rodata: "rR" };
var CATEGORY_TITLES = { function: "Function", data: "Data", rodata: "RO Data" };
function sizedSymbols(elf, symbols = elf.symbols()) {
  const out = [];
  for (const s of symbols) {
    if (s.size === 0 || !nmListed(s)) continue;
    if (s.reserved ? s.shndx === SHN_ABS : s.shndx === SHN_UNDEF) continue;
    const at = s.name.indexOf("@");
    out.push({ name: at < 0 ? s.name : s.name.slice(0, at), letter: nmTypeLetter(elf, s), size: s.size, value: s.value, shndx: s.shndx });
  }
  return out;
}
var NUMBER_SUFFIX = /\.[0-9]+/g;
var PY_WHITESPACE = /[\s\x1c-\x1f\x85]/;
var MAYBE_UNSPLITTABLE = /[:\x00-\x20\x7f-\uffff]/;
function unsplittable(name) {
  if (!MAYBE_UNSPLITTABLE.test(name)) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 58 || c <= 32 || c >= 127) {
      if (c === 58 || PY_WHITESPACE.test(name[i])) return true;
    }
  }
  return false;
}
function cleanName(name) {
  if (name === "" || unsplittable(name)) return null;
  const c0 = name.charCodeAt(0);
  if (c0 === 95 ? name.startsWith("__mod_") || name.startsWith("__se_sys") || name.startsWith("__se_compat_sys") || name.startsWith("__addressable_") || name.startsWith("__noinstr_text_start") || name.startsWith("_sdata") : name === "linux_banner" || name === "vermagic") {
    return null;
  }
  return name.includes(".") ? name.replace(NUMBER_SUFFIX, "") : name;
}
function categoryOf(letter) {
  return CATEGORY_OF_LETTER.get(letter) ?? null;
}
var CATEGORY_OF_LETTER = new Map(CATEGORIES.flatMap((c) => [...CATEGORY_LETTERS[c]].map((l) => [l, c])));
function emptyCategorySizes() {
  return { function: /* @__PURE__ */ new Map(), data: /* @__PURE__ */ new Map(), rodata: /* @__PURE__ */ new Map() };
}
function addSizes(into, rows) {
  for (const r of rows) {
    const cat = categoryOf(r.letter);
    if (!cat) continue;
    const name = cleanName(r.name);
    if (name === null) continue;
    const m = into[cat];
    m.set(name, (m.get(name) ?? 0) + r.size);
  }
  return into;
}
function categorySizes(rows) {
  return addSizes(emptyCategorySizes(), rows);
}

// src/sizes/pack.ts
function packSizes(m) {
  const names2 = sortStrings([...m.keys()]);
  let out = "";
  let prev = "";
  for (let i = 0; i < names2.length; i++) {
    const name = names2[i];
    let k = 0;
    const max = Math.min(prev.length, name.length);
    while (k < max && prev.charCodeAt(k) === name.charCodeAt(k)) k++;
    if (i) out += "\n";
    out += (k < 36 ? DIGITS36[k] : k.toString(36)) + " " + (k ? name.slice(k) : name) + " " + m.get(name).toString(36);
    prev = name;
  }
  return out;
}
var DIGITS36 = Array.from({ length: 36 }, (_, i) => i.toString(36));
function decodePacked(text, file) {
  const names2 = [];
  const sizes = [];
  let ascending = true;
  if (text === "") return { names: names2, sizes, ascending };
  let prev = "";
  let lineNo = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    lineNo++;
    const a = text.indexOf(" ", start);
    const b = text.lastIndexOf(" ", end - 1);
    const shared = a > start && a < end ? base36(text, start, a) : -1;
    const size = b > a + 1 && b < end ? base36(text, b + 1, end) : -1;
    if (shared < 0 || shared > prev.length || size < 0) {
      throw new InputError("bad-value", file, `packed symbol sizes, line ${lineNo}: malformed entry`);
    }
    const name = (shared ? prev.slice(0, shared) : "") + text.slice(a + 1, b);
    if (lineNo > 1 && !(prev < name)) ascending = false;
    names2.push(name);
    sizes.push(size);
    prev = name;
    start = end + 1;
  }
  return { names: names2, sizes, ascending };
}
var madeFrom = /* @__PURE__ */ new WeakMap();
function remember(packed, make) {
  let tables;
  madeFrom.set(packed, () => tables ??= make());
}
var tablesOfMaps = (c) => () => ({
  function: SizeTable.fromMap(c.function),
  data: SizeTable.fromMap(c.data),
  rodata: SizeTable.fromMap(c.rodata)
});
function packCategories(c) {
  const packed = { function: packSizes(c.function), data: packSizes(c.data), rodata: packSizes(c.rodata) };
  remember(packed, tablesOfMaps(c));
  return packed;
}
function packCategoriesLazily(c) {
  return packedOnRead((cat) => c[cat], tablesOfMaps(c));
}
function packTablesLazily(t) {
  return packedOnRead((cat) => t[cat].toMap(), () => t);
}
function packedOnRead(mapOf2, tables) {
  const packed = {};
  for (const cat of CATEGORIES) {
    let text;
    Object.defineProperty(packed, cat, { enumerable: true, get: () => text ??= packSizes(mapOf2(cat)) });
  }
  remember(packed, tables);
  return packed;
}
function packedFromWorker(t) {
  if (!("wire" in t)) return t;
  const w = t.wire;
  return packTablesLazily({ function: ByteSizeTable.fromWire(w.function), data: ByteSizeTable.fromWire(w.data), rodata: ByteSizeTable.fromWire(w.rodata) });
}
function tablesPackedHere(p) {
  return p && typeof p === "object" ? madeFrom.get(p)?.() : void 0;
}

// src/sizes/module-symbol-sizes.ts
var import_node_buffer = __toESM(require_node_buffer(), 1);
function moduleSymbolSizes(elf) {
  const out = emptyCategorySizes();
  scanSymbolSizes(elf, (cat, name, size) => {
    const m = out[cat];
    m.set(name, (m.get(name) ?? 0) + size);
  });
  return out;
}
function symbolSizeTables(elf) {
  const table = elf.symbolTable();
  if (table && (0, import_node_buffer.isAscii)(table.strings)) {
    const strings = new Uint8Array(table.strings.buffer, table.strings.byteOffset, table.strings.byteLength);
    const bytes2 = strings.length >> 1;
    const names2 = table.count >> 1;
    const out2 = { function: new ByteSizeTable(bytes2, names2), data: new ByteSizeTable(bytes2 >> 2, names2 >> 2), rodata: new ByteSizeTable(bytes2 >> 2, names2 >> 2) };
    forEachSizedRow(elf, table, (cat, nameOff, nameEnd, size) => out2[cat].addRaw(strings, nameOff, nameEnd, size));
    return out2;
  }
  const out = { function: new SizeTable(), data: new SizeTable(), rodata: new SizeTable() };
  scanSymbolSizes(elf, (cat, name, size) => out[cat].add(name, size));
  return out;
}
function scanSymbolSizes(elf, add) {
  const table = elf.symbolTable();
  if (!table) return;
  const text = Buffer.from(table.strings.buffer, table.strings.byteOffset, table.strings.byteLength).toString("latin1");
  const ascii = !/[\x80-\xff]/.test(text);
  forEachSizedRow(elf, table, (cat, nameOff, nameEnd, size, i) => {
    let name = nameOff === 0 ? "" : ascii ? text.slice(nameOff, nameEnd) : table.name(i, nameOff);
    const at = name.indexOf("@");
    if (at >= 0) name = name.slice(0, at);
    const clean = cleanName(name);
    if (clean !== null) add(cat, clean, size);
  });
}
function forEachSizedRow(elf, table, visit) {
  const { count: count2, entsize, entries } = table;
  const strings = new Uint8Array(table.strings.buffer, table.strings.byteOffset, table.strings.byteLength);
  const view = entries.view;
  const le = elf.littleEndian;
  const is64 = elf.is64;
  const letters = sectionLetters(elf);
  for (let i = 1; i < count2; i++) {
    const o = i * entsize;
    const nameOff = view.getUint32(o, le);
    const nameEnd = nameOff === 0 ? 0 : strings.indexOf(0, nameOff);
    if (nameEnd < 0) table.name(i, nameOff);
    const size = is64 ? entries.u64n(o + 16, "st_size") : view.getUint32(o + 8, le);
    if (size === 0) continue;
    const info = view.getUint8(o + (is64 ? 4 : 12));
    const type = info & 15;
    if (type === STT_SECTION || type === STT_FILE) continue;
    let shndx = view.getUint16(o + (is64 ? 6 : 14), le);
    const reserved = shndx >= SHN_LORESERVE && shndx !== SHN_XINDEX;
    if (shndx === SHN_XINDEX) shndx = table.extendedIndex(i);
    if (reserved ? shndx === SHN_ABS : shndx === SHN_UNDEF) continue;
    const cat = categoryOf(nmLetter(elf, info >> 4, type, shndx, reserved, letters));
    if (cat) visit(cat, nameOff, nameEnd, size, i);
  }
}

// src/sizes/module-analyzer.ts
var sizesAnalyzer = {
  id: "sizes",
  analyze(elf, ctx) {
    const opts = layoutOptionsFromVermagic(vermagicOf(elf));
    const classes = moduleClassSizes(elf, opts);
    const mode = ctx?.options?.sizeTables ?? "all";
    const wanted = mode === "all" || mode === "baseline" && tablesWanted(ctx, classes);
    return wanted ? { classes, symbols: sizeTablesAnalyzer.analyze(elf, ctx) } : { classes };
  }
};
function tablesWanted(ctx, classes) {
  if (!ctx.hinted) return false;
  const hint = ctx.hint;
  if (hint === void 0) return false;
  if (hint === "read") return true;
  return hint.length !== classes.length || hint.some((v, i) => v !== classes[i]);
}
var sizeTablesAnalyzer = {
  id: "size-tables",
  analyze(elf, ctx) {
    if (ctx?.options?.sizeTables === "baseline") {
      const t = symbolSizeTables(elf);
      if (t.function instanceof ByteSizeTable && t.data instanceof ByteSizeTable && t.rodata instanceof ByteSizeTable) {
        return { wire: { function: t.function.toWire(), data: t.data.toWire(), rodata: t.rodata.toWire() } };
      }
    }
    return packCategories(moduleSymbolSizes(elf));
  }
};

// src/elf/sort-names.ts
function sortNames(strings, starts, ends, count2) {
  return multikeyOrder(
    count2,
    (i, depth) => {
      const p = starts[i] + depth;
      return p < ends[i] ? strings[p] + 1 : 0;
    },
    (a, b, depth) => {
      let p = starts[a] + depth;
      let q = starts[b] + depth;
      const pe = ends[a];
      const qe = ends[b];
      while (p < pe && q < qe) {
        const d = strings[p] - strings[q];
        if (d !== 0) return d;
        p++;
        q++;
      }
      return pe - p - (qe - q) || a - b;
    }
  );
}

// src/elf/nm-listing.ts
var TWO_32 = 4294967296;
var HEX2 = Uint8Array.from("0123456789abcdef", (c) => c.charCodeAt(0));
var SPACE = 32;
var NEWLINE = 10;
function nmListing(elf, options) {
  const table = elf.symbolTable();
  if (!table) return new Uint8Array(0);
  const { count: count2, entsize, entries, strings } = table;
  const view = entries.view;
  const le = elf.littleEndian;
  const is64 = elf.is64;
  const width = is64 ? 16 : 8;
  const relocatable = elf.type === ET_REL;
  const sections = elf.sections;
  const letterOf = sectionLetters(elf);
  const addrHi = sections.map((s) => relocatable ? Number(s.addr >> 32n & 0xffffffffn) : 0);
  const addrLo = sections.map((s) => relocatable ? Number(s.addr & 0xffffffffn) : 0);
  const starts = new Int32Array(count2);
  const ends = new Int32Array(count2);
  const letters = new Uint8Array(count2);
  const hiWords = new Uint32Array(count2);
  const loWords = new Uint32Array(count2);
  const sizes = options.sizes ? new Float64Array(count2) : void 0;
  let escaped;
  let n = 0;
  let bytes2 = 0;
  for (let i = 1; i < count2; i++) {
    const o = i * entsize;
    const nameOff = view.getUint32(o, le);
    const info = view.getUint8(o + (is64 ? 4 : 12));
    const type = info & 15;
    if (type === STT_SECTION || type === STT_FILE) continue;
    const bind = info >> 4;
    let shndx = view.getUint16(o + (is64 ? 6 : 14), le);
    const reserved = shndx >= SHN_LORESERVE && shndx !== SHN_XINDEX;
    if (shndx === SHN_XINDEX) shndx = table.extendedIndex(i);
    if (nameOff !== 0) {
      const end = nameOff < strings.length ? strings.indexOf(0, nameOff) : -1;
      if (end < 0) table.name(i, nameOff);
      starts[n] = nameOff;
      ends[n] = end;
      let plain3 = true;
      for (let p = nameOff; p < end; p++) {
        const c = strings[p];
        if (c < 32 && c !== 9 && c !== 10 || c >= 127) {
          plain3 = false;
          break;
        }
      }
      if (plain3) bytes2 += end - nameOff;
      else {
        const safe = Buffer.from(options.escape(table.name(i, nameOff)), "utf8");
        (escaped ??= /* @__PURE__ */ new Map()).set(n, safe);
        bytes2 += safe.length;
      }
    }
    const letter = nmLetter(elf, bind, type, shndx, reserved, letterOf);
    letters[n] = letter.charCodeAt(0);
    if (letter !== "U" && letter !== "w" && letter !== "v") {
      let lo, hi;
      if (is64) {
        lo = view.getUint32(o + (le ? 8 : 12), le);
        hi = view.getUint32(o + (le ? 12 : 8), le);
      } else {
        lo = view.getUint32(o + 4, le);
        hi = 0;
      }
      if (!reserved && shndx !== SHN_UNDEF && shndx < sections.length) {
        lo += addrLo[shndx];
        hi += addrHi[shndx] + (lo >= TWO_32 ? 1 : 0);
        lo %= TWO_32;
        hi = is64 ? hi % TWO_32 : 0;
      }
      hiWords[n] = hi;
      loWords[n] = lo;
      if (sizes) {
        const size = is64 ? entries.u64n(o + 16, "st_size") : view.getUint32(o + 8, le);
        sizes[n] = size;
        if (size !== 0) bytes2 += width + 1;
      }
    }
    bytes2 += width + 4;
    n++;
  }
  const order = sortNames(strings, starts, ends, n);
  const out = new Uint8Array(Math.max(0, bytes2 - 1));
  let w = 0;
  const hex32 = (v) => {
    for (let s = 28; s >= 0; s -= 4) out[w++] = HEX2[v >>> s & 15];
  };
  const hexWord = (hi, lo) => {
    if (is64) hex32(hi);
    hex32(lo);
  };
  for (let k = 0; k < n; k++) {
    const x = order[k];
    if (k) out[w++] = NEWLINE;
    const letter = letters[x];
    if (letter === 85 || letter === 119 || letter === 118) {
      out.fill(SPACE, w, w + width);
      w += width;
    } else {
      hexWord(hiWords[x], loWords[x]);
      const size = sizes?.[x] ?? 0;
      if (size !== 0) {
        out[w++] = SPACE;
        hexWord(Math.floor(size / TWO_32), size % TWO_32);
      }
    }
    out[w++] = SPACE;
    out[w++] = letter;
    out[w++] = SPACE;
    const safe = escaped?.get(x);
    if (safe) {
      out.set(safe, w);
      w += safe.length;
    } else {
      for (let p = starts[x], e = ends[x]; p < e; p++) out[w++] = strings[p];
    }
  }
  return out;
}

// src/load/symbols-analyzer.ts
var symbolsAnalyzer = {
  id: "symbols",
  analyze(elf, ctx) {
    return nmListing(elf, { sizes: ctx.options.symbolSizes === true, escape: safeTerminal });
  }
};

// src/load/analyzers.ts
var ANALYZERS = [modinfoAnalyzer, linkageAnalyzer, sizesAnalyzer, btfAnalyzer];
var ON_DEMAND_ANALYZERS = [symbolsAnalyzer, sizeTablesAnalyzer];
function analyzersFor(ids) {
  if (!ids) return ANALYZERS;
  const all = [...ANALYZERS, ...ON_DEMAND_ANALYZERS];
  return ids.map((id) => {
    const a = all.find((x) => x.id === id);
    if (!a) throw new Error(`unknown module analyzer ${id}`);
    return a;
  });
}

// src/model/timing.ts
var TIMINGS = process.env.KBR_TIMINGS === "1";
function timing(what) {
  if (!TIMINGS) return;
  const cpu = process.threadCpuUsage();
  const s = (ms) => (ms / 1e3).toFixed(2);
  process.stderr.write(`[${s(performance.now())}s, thread cpu ${s((cpu.user + cpu.system) / 1e3)}s] ${what}
`);
}

// src/load/spare-workers.ts
var import_node_os2 = __toESM(require_node_os(), 1);
var import_node_worker_threads2 = __toESM(require_node_worker_threads(), 1);
function workerUrl() {
  const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  return new URL(`./module-worker${ext}`, import.meta.url);
}
var SpareWorkers = class {
  idle = [];
  exited = /* @__PURE__ */ new WeakSet();
  constructor(count2 = (0, import_node_os2.availableParallelism)()) {
    for (let i = 0; i < count2; i++) {
      const w = new import_node_worker_threads2.Worker(workerUrl());
      w.unref();
      w.on("error", () => this.exited.add(w));
      w.once("exit", () => this.exited.add(w));
      this.idle.push(w);
    }
  }
  /** A started worker, kept alive from now on; undefined when none is left. */
  take() {
    for (let w = this.idle.shift(); w; w = this.idle.shift()) {
      if (this.exited.has(w)) continue;
      w.removeAllListeners();
      w.ref();
      return w;
    }
    return void 0;
  }
  /** Stops the workers not taken. */
  async stop() {
    const rest = this.idle.splice(0);
    await Promise.all(rest.map((w) => w.terminate()));
  }
};

// src/load/pool.ts
function usesWorkers(moduleCount, jobs = (0, import_node_os3.availableParallelism)()) {
  return jobs > 0 && moduleCount >= IN_THREAD_BELOW;
}
var IN_THREAD_BELOW = 24;
var PER_WORKER = 1024;
var PRELOADED_PER_WORKER = 16;
var MIN_IN_FLIGHT = 16;
async function analyzeModules(modules, options, pool = {}) {
  const jobs = Math.min(pool.jobs ?? (0, import_node_os3.availableParallelism)(), Math.ceil(modules.length / 8));
  const sink = orderedSink(modules.length, pool.onResult);
  const timeout = pool.moduleTimeoutMs ?? LIMITS.maxModuleMillis;
  if (!usesWorkers(modules.length, jobs)) {
    pool.sideJobs?.close();
    await pool.spares?.stop();
    await analyzeInThread(modules, options, sink.put, pool.hints);
    return sink.results;
  }
  const queue = new ReadyQueue();
  const xzBatches = planXzBatches(modules, jobs);
  const batched = new Set(xzBatches.flat().map((t) => t.index));
  for (let i = 0; i < modules.length; i++) if (!batched.has(i)) queue.push({ id: i });
  let remaining = modules.length;
  const perWorker = Math.min(PER_WORKER, Math.max(1, Math.ceil(modules.length / (jobs * 4))));
  const workers = [];
  const sideRuns = /* @__PURE__ */ new Map();
  const channels = [];
  try {
    const decoding = xzBatches.map(
      (batch) => decodeXzBatch(batch, (d) => queue.push(d.bytes ? { id: d.index, preloaded: { bytes: d.bytes, fileBytes: d.fileBytes } } : { id: d.index }))
    );
    const runWorker = () => new Promise((resolve4, reject) => {
      const channel = pool.hints?.connect();
      if (channel) channels.push(channel);
      const worker = pool.spares?.take() ?? new import_node_worker_threads3.Worker(workerUrl());
      worker.postMessage({ init: { options, hints: channel?.port } }, channel ? [channel.port] : []);
      workers.push(worker);
      const inFlight = /* @__PURE__ */ new Map();
      let preloadedInFlight = 0;
      let side = void 0;
      let sideEnded;
      const unlisten = pool.sideJobs?.onSubmit(() => send());
      let progressAt = Date.now();
      let stopped = false;
      const send = () => {
        if (stopped) return;
        if (!side) {
          const cap = Math.min(perWorker, Math.max(MIN_IN_FLIGHT, Math.ceil(queue.size / jobs)));
          while (inFlight.size < cap) {
            const task = queue.shift(preloadedInFlight < PRELOADED_PER_WORKER);
            if (!task) break;
            if (inFlight.size === 0) progressAt = Date.now();
            inFlight.set(task.id, !!task.preloaded);
            if (task.preloaded) preloadedInFlight++;
            const transfer = task.preloaded ? [task.preloaded.bytes.buffer] : [];
            const module = modules[task.id];
            worker.postMessage({ id: task.id, module, preloaded: task.preloaded }, transfer);
          }
          if (inFlight.size === 0 && queue.size === 0) startSide();
        }
        if (remaining === 0) finish("done");
        else if (inFlight.size === 0) queue.onPush(send);
      };
      const startSide = () => {
        side = pool.sideJobs?.take();
        if (!side) return;
        sideRuns.set(worker, new Promise((r) => sideEnded = r));
        timing(`side job sent, ${remaining} modules left`);
        worker.postMessage({ side: side.job });
      };
      const endSide = (reply) => {
        const job = side;
        side = void 0;
        if (!job) return;
        timing(`side job back, ${remaining} modules left`);
        if (!reply) job.resolve(null);
        else if ("error" in reply) job.reject(new Error(reply.error));
        else job.resolve(reply.result);
        sideEnded?.();
      };
      const finish = (how) => {
        stopped = true;
        unlisten?.();
        clearInterval(watchdog);
        resolve4(how);
      };
      const watchdog = setInterval(
        () => {
          const oldest = inFlight.keys().next();
          if (oldest.done || Date.now() - progressAt <= timeout) return;
          const mod = modules[oldest.value];
          inFlight.delete(oldest.value);
          remaining--;
          sink.put(failed(mod, `${mod.relPath}: analysis did not finish within ${timeout / 1e3} s (the time limit per module) and was stopped`), oldest.value);
          for (const id of inFlight.keys()) queue.push({ id });
          inFlight.clear();
          if (remaining === 0) queue.finish();
          finish("stuck");
          void worker.terminate();
        },
        Math.min(1e3, Math.max(10, timeout / 4))
      );
      worker.on("message", (msg) => {
        if ("side" in msg) {
          endSide(msg);
          send();
          return;
        }
        if (stopped) return;
        const wasPreloaded = inFlight.get(msg.id);
        if (wasPreloaded === void 0) return;
        inFlight.delete(msg.id);
        if (wasPreloaded) preloadedInFlight--;
        progressAt = Date.now();
        remaining--;
        sink.put(msg.summary ?? failed(modules[msg.id], msg.error ?? "worker failed"), msg.id);
        if (remaining === 0) queue.finish();
        send();
      });
      worker.on("error", (err) => {
        endSide(null);
        if (stopped) return;
        unlisten?.();
        clearInterval(watchdog);
        reject(err);
      });
      worker.on("exit", (code) => {
        endSide(null);
        if (stopped) return;
        unlisten?.();
        clearInterval(watchdog);
        if (remaining > 0) reject(new Error(`module worker exited with code ${code}`));
      });
      send();
    });
    await Promise.all([
      ...decoding,
      ...Array.from({ length: jobs }, async () => {
        while (await runWorker() === "stuck" && remaining > 0) {
        }
      })
    ]);
  } finally {
    pool.sideJobs?.close();
    const stopping = workers.map((w) => {
      const running = sideRuns.get(w);
      if (!running) return w.terminate();
      void running.then(() => w.terminate());
      return void 0;
    });
    await Promise.all([...stopping, pool.spares?.stop()]);
    for (const c of channels) c.disconnect();
  }
  return sink.results;
}
var ReadyQueue = class {
  tasks = [];
  head = 0;
  waiting = [];
  push(t) {
    this.tasks.push(t);
    this.wake();
  }
  get size() {
    return this.tasks.length - this.head;
  }
  /** The next task; undefined when there is none, or when it carries bytes and `preloaded` is false. */
  shift(preloaded = true) {
    if (this.head >= this.tasks.length) return void 0;
    const t = this.tasks[this.head];
    if (t.preloaded && !preloaded) return void 0;
    this.tasks[this.head++] = void 0;
    if (this.head > 1024 && this.head * 2 > this.tasks.length) {
      this.tasks = this.tasks.slice(this.head);
      this.head = 0;
    }
    return t;
  }
  onPush(fn) {
    this.waiting.push(fn);
  }
  /** Wakes every waiting worker so each can see there is nothing left. */
  finish() {
    this.wake();
  }
  wake() {
    const w = this.waiting;
    this.waiting = [];
    for (const fn of w) fn();
  }
};
function planXzBatches(modules, jobs) {
  if (process.env.KBR_NO_SYSTEM_XZ === "1") return [];
  const xz = modules.flatMap((module, index) => module.compression === "xz" ? [{ index, module }] : []);
  if (xz.length < IN_THREAD_BELOW || !systemXz()) return [];
  const per = Math.ceil(xz.length / jobs);
  return Array.from({ length: jobs }, (_, i) => xz.slice(i * per, (i + 1) * per)).filter((b) => b.length);
}
function orderedSink(count2, onResult) {
  const results = onResult ? [] : new Array(count2);
  const early = /* @__PURE__ */ new Map();
  let nextOut = 0;
  return {
    results,
    put(summary, index) {
      if (!onResult) {
        results[index] = summary;
        return;
      }
      early.set(index, summary);
      while (early.has(nextOut)) {
        const s = early.get(nextOut);
        early.delete(nextOut);
        onResult(s, nextOut++);
      }
    }
  };
}
async function analyzeInThread(modules, options, put, board) {
  const store = /* @__PURE__ */ new Map();
  const memo = (key, make) => {
    if (!store.has(key)) store.set(key, make());
    return store.get(key);
  };
  const analyzers = analyzersFor(options.analyzers);
  const hints = new HintReader(board?.table);
  for (let i = 0; i < modules.length; i++) put(await analyzeModule(modules[i], analyzers, options, memo, void 0, hints), i);
}
function failed(mod, error) {
  return emptySummary(mod, error);
}

// src/load/side-jobs.ts
var SideJobs = class {
  pending = [];
  listeners = /* @__PURE__ */ new Set();
  closed = false;
  /** The job's result; null when no worker will run it. Rejects when the job failed in the worker. */
  submit(job) {
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve4, reject) => {
      this.pending.push({ job, resolve: resolve4, reject });
      for (const fn of [...this.listeners]) fn();
    });
  }
  /** The oldest job not yet taken. */
  take() {
    return this.pending.shift();
  }
  /** Calls `fn` whenever a job is submitted, until the returned function is called. */
  onSubmit(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  /** No worker will take jobs any more: those waiting, and those submitted from now on, resolve to null. */
  close() {
    this.closed = true;
    this.listeners.clear();
    for (let p = this.pending.shift(); p; p = this.pending.shift()) p.resolve(null);
  }
};

// src/model/build.ts
var AGAIN_IN_THREAD = 256;
var Build = class {
  layout;
  info;
  config;
  pool;
  analysis;
  memos = /* @__PURE__ */ new Map();
  hints = new HintBoard();
  sideJobs = new SideJobs();
  constructor(layout2, info, config, pool = {}, analysis = {}) {
    this.layout = layout2;
    this.info = info;
    this.config = config;
    this.pool = pool;
    this.analysis = analysis;
  }
  /** Computes `make()` once per build under `key` (promises included, so concurrent callers share). */
  memo(key, make) {
    if (!this.memos.has(key)) this.memos.set(key, make());
    return this.memos.get(key);
  }
  /** A path as reports show it: relative to the build root when inside it. */
  rel(path2) {
    const r = (0, import_node_path2.relative)(this.layout.root, path2);
    return r && !r.startsWith("..") && !(0, import_node_path2.isAbsolute)(r) ? r : path2;
  }
  /** Reads a text artifact whole, bounded. */
  readText(path2) {
    return this.memo(`text:${path2}`, () => {
      const name = this.rel(path2);
      const st = (0, import_node_fs7.statSync)(path2, { throwIfNoEntry: false });
      if (!st) throw new InputError("io", name, "no such file");
      if (!st.isFile()) throw new InputError("not-a-file", name, st.isDirectory() ? "is a directory, expected a file" : "is not a regular file");
      if (st.size > LIMITS.maxTextBytes) throw new InputError("too-large", name, `${st.size} bytes is more than the text limit`);
      return (0, import_node_fs7.readFileSync)(path2, "utf8");
    });
  }
  /** vmlinux (or 6.18+ vmlinux.unstripped when asked), opened for ranged reads. */
  vmlinux(which = "vmlinux") {
    const path2 = which === "unstripped" ? this.layout.vmlinuxUnstripped ?? this.layout.vmlinux : this.layout.vmlinux;
    if (!path2) return null;
    return this.memo(`elf:${path2}`, () => ElfFile.open(new FileSource(path2, this.rel(path2))));
  }
  /** Closes the files this build keeps open for ranged reads (vmlinux). */
  close() {
    for (const v of this.memos.values()) if (v instanceof ElfFile) v.close();
  }
  /** Every module analyzed once by every registered analyzer (worker threads). */
  modules() {
    return this.memo(
      "modules",
      () => analyzeModules(this.layout.modules, this.analyzerOptions(), { ...this.pool, hints: this.hints, sideJobs: this.sideJobs })
    );
  }
  /**
   * `job` run by a module worker once it has no module left (SideJobs); null when the modules
   * are not analyzed in workers, or were all analyzed before a worker could take it.
   */
  offThread(job) {
    if (!usesWorkers(this.layout.modules.length, this.pool.jobs)) return Promise.resolve(null);
    void this.modules().catch(() => void 0);
    return this.sideJobs.submit(job);
  }
  /**
   * Tells `analyzer` something about the modules (module name -> value, the analyzer's
   * ctx.hint): a check that has the baseline can say what its comparison will not need. It
   * reaches every module not yet analyzed; those analyzed before have ctx.hinted unset.
   */
  hint(analyzer, byModule) {
    this.hints.set(analyzer, byModule);
  }
  /**
   * Some of the build's modules again, by on-demand analyzers (ids). A few hundred are read in
   * this thread: the on-demand analyzers take well under a millisecond a module, and new
   * workers cost a fifth of a second of CPU each to start.
   */
  analyzeAgain(modules, analyzers) {
    const pool = modules.length <= AGAIN_IN_THREAD ? { ...this.pool, jobs: 0 } : this.pool;
    return analyzeModules(modules, { ...this.analyzerOptions(), analyzers }, pool);
  }
  analyzerOptions() {
    const options = {};
    if (this.layout.btfBase) options.btfBase = this.layout.btfBase;
    if (this.analysis.sizeTables) options.sizeTables = this.analysis.sizeTables;
    return options;
  }
};

// src/load/analyzer.ts
function factOf(mod, analyzer) {
  return mod.facts[analyzer.id];
}

// src/model/turns.ts
function nextTurn() {
  return new Promise((resolve4) => {
    waiting.push(resolve4);
    if (!scheduled) {
      scheduled = true;
      setImmediate(release);
    }
  });
}
var waiting = [];
var scheduled = false;
function release() {
  const next = waiting.shift();
  if (waiting.length) setImmediate(release);
  else scheduled = false;
  next?.();
}

// src/checks/check.ts
function skipped2(summary) {
  return { status: "skip", summary, findings: [] };
}

// src/checks/btf.ts
var SEPARATE_FINDINGS = 10;
var SIZE_ROWS = 30;
var fmt = (n) => n.toLocaleString("en-US");
var plural = (n, one, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;
function vmlinuxRefusal(build, path2, rules) {
  return build.memo(`btf:vmlinux-verdict:${rules.label}:${path2}`, () => verifyVmlinuxBtf(path2, rules));
}
var btfCheck = {
  id: "btf",
  title: "Module BTF",
  async snapshot(build) {
    if (!build.layout.modules.length) return null;
    const basePath = build.layout.btfBase;
    const version = build.info.version;
    if (basePath && version && build.info.config.DEBUG_INFO_BTF_MODULES === "y") {
      nextTurn().then(() => vmlinuxRefusal(build, basePath, rulesFor(version))).catch(() => void 0);
    }
    const modules = {};
    for (const m of await build.modules()) {
      const f = factOf(m, btfAnalyzer);
      if (f) modules[m.name] = [f.btfBytes, f.baseRefBytes];
    }
    return { modules };
  },
  async run({ build, options, current, baseline }) {
    if (!build.layout.modules.length) return skipped2("no modules in this build");
    const mods = await build.modules();
    const facts = mods.map((m) => ({ m, f: factOf(m, btfAnalyzer) })).filter((x) => !!x.f);
    const config = build.info.config;
    const withBtf = facts.filter((x) => x.f.btfBytes > 0);
    const withBaseRef = facts.filter((x) => x.f.baseRefBytes > 0);
    const btfBytes = withBtf.reduce((s, x) => s + x.f.btfBytes, 0);
    const report = {
      btf: {
        vmlinux: build.layout.btfBase ? build.rel(build.layout.btfBase) : null,
        modules: facts.length,
        withBtf: withBtf.length,
        withBaseRef: withBaseRef.length,
        btfBytes,
        perModule: Object.fromEntries(
          facts.map((x) => [x.m.name, { btf: x.f.btfBytes, btfBase: x.f.baseRefBytes, rules: x.f.rules }])
        )
      }
    };
    if (!withBtf.length && config.DEBUG_INFO_BTF_MODULES !== "y") {
      return {
        ...skipped2(
          `${plural(facts.length, "module")}, none with BTF (CONFIG_DEBUG_INFO_BTF_MODULES is not set)`
        ),
        report
      };
    }
    const problems = [];
    const notes = [];
    const mismatchAllowed = config.MODULE_ALLOW_BTF_MISMATCH === "y";
    const vmlinuxName = build.layout.btfBase ? build.rel(build.layout.btfBase) : "vmlinux";
    const basePath = build.layout.btfBase;
    const skippedWhy = withBtf.find((x) => x.f.skipped)?.f.skipped?.replaceAll(basePath ?? "\0", vmlinuxName);
    if (skippedWhy) {
      notes.push({
        severity: "notice",
        code: "btf-vmlinux-missing",
        message: `module BTF not validated: ${skippedWhy}`,
        ...basePath ? { file: vmlinuxName } : {}
      });
    } else if (basePath && withBtf.length) {
      const rules = build.info.version ? rulesFor(build.info.version) : rulesFor(parseKernelVersion(withBtf[0].f.rules));
      const refused = vmlinuxRefusal(build, basePath, rules);
      if (refused) {
        notes.push({
          severity: "error",
          code: "btf-vmlinux-invalid",
          message: `${vmlinuxName}: the kernel refuses this vmlinux BTF at boot: ${quote(refused)}, so no module gets BTF either`,
          file: vmlinuxName
        });
      }
    }
    let valid = 0;
    for (const { m, f } of withBtf) {
      const p = judge(m, f, vmlinuxName, mismatchAllowed);
      if (p) problems.push(p);
      else if (!f.skipped) valid++;
    }
    for (const m of mods) {
      const err = m.factErrors[btfAnalyzer.id];
      if (!err) continue;
      const message = `${m.relPath}: its BTF could not be examined: ${err}`;
      problems.push({ code: "btf-module-unexamined", severity: "warning", mod: m, message, brief: message });
    }
    if (config.DEBUG_INFO_BTF_MODULES === "y") {
      for (const { m, f } of facts) {
        if (f.btfBytes) continue;
        problems.push({
          code: "btf-module-without-btf",
          severity: "warning",
          mod: m,
          message: `${m.relPath} has no .BTF although CONFIG_DEBUG_INFO_BTF_MODULES=y: BPF programs and tools see none of its types`,
          brief: m.relPath
        });
      }
    }
    baseRefPolicy(options, build.info.version, facts, problems, notes);
    const sizeBlocks = [];
    if (baseline?.data && current) {
      const base = readBtfSnapshot(baseline.data);
      if (base) diffBaseline(current, base, baseline.label, facts, problems, sizeBlocks);
      else
        notes.push({
          severity: "notice",
          code: "btf-baseline-unusable",
          message: `the baseline's BTF data (${baseline.label}) is malformed and was not compared`
        });
    }
    const { findings, blocks } = present(problems, withBtf.length);
    findings.unshift(...notes);
    for (const x of sizeBlocks) blocks.push(x);
    const summary = summarize(
      facts.length,
      withBtf.length,
      valid,
      withBaseRef.length,
      problems,
      vmlinuxName,
      !!skippedWhy
    );
    return { summary, findings, blocks, report };
  }
};
function judge(m, f, vmlinux, mismatchAllowed) {
  const outcome = (fail) => mismatchAllowed ? "the module loads without its BTF (CONFIG_MODULE_ALLOW_BTF_MISMATCH=y)" : `the module fails to load with "${failedToValidate(m.name, fail.errno)}"`;
  const log = (fail) => mismatchAllowed ? [...fail.quietWhenMismatchAllowed ? [] : fail.dmesg, MISMATCH_ALLOWED_WARNING] : [...fail.dmesg, failedToValidate(m.name, fail.errno)];
  if (f.mismatch?.likely) {
    const x = f.mismatch;
    const consequence = f.load ? `The kernel's check stops at ${quote(f.load)}; ${outcome(f.load)}.` : `The kernel's checks pass, so BPF sees wrong types for ${m.name}.`;
    return {
      code: "btf-base-mismatch",
      severity: "error",
      mod: m,
      message: `${m.relPath}: BTF generated against a different vmlinux than ${vmlinux}: ${x.evidence}. ${consequence}`,
      brief: `${m.relPath}: ${x.badNames}/${x.names} names inside strings, ${x.badRefs}/${x.refs} references of the wrong kind; ${f.load ? `kernel: ${quote(f.load)}` : "passes the kernel checks"}`,
      ...f.load ? { log: log(f.load) } : {}
    };
  }
  if (f.load?.step === "relocation") {
    const r = f.relocation;
    const types = (list) => list.slice(0, 5).map((t) => `${t.kind} '${t.name}'${t.embedded ? ` (embedded, size ${t.size})` : ""}`).join(", ");
    const what = r ? [
      r.unmatchedCount ? `${plural(r.unmatchedCount, "distilled type")} match nothing: ${types(r.unmatched)}${r.unmatchedCount > 5 ? ", ..." : ""}` : "",
      r.ambiguousCount ? `${plural(r.ambiguousCount, "distilled type")} match several types: ${r.ambiguous.slice(0, 5).map((t) => `${t.kind} '${t.name}' (${t.candidates.map((c) => `[${c}]`).join(", ")})`).join(", ")}` : "",
      r.invalid[0] ?? ""
    ].filter(Boolean).join("; ") : "";
    return {
      code: "btf-base-ref-relocation-failed",
      severity: "error",
      mod: m,
      message: `${m.relPath}: its .BTF.base does not relocate onto ${vmlinux}: ${what || f.load.text}. The kernel prints "${f.load.text}"; ${outcome(f.load)}.`,
      brief: `${m.relPath}: ${what || f.load.text}`,
      log: log(f.load)
    };
  }
  if (f.load) {
    return {
      code: "btf-module-rejected",
      severity: "error",
      mod: m,
      message: `${m.relPath}: the kernel's BTF check refuses it at ${quote(f.load)}; ${outcome(f.load)}.`,
      brief: `${m.relPath}: ${quote(f.load)}`,
      log: log(f.load)
    };
  }
  if (f.resolve) {
    return {
      code: "btf-module-inconsistent",
      // The kernel itself never runs this check on module BTF: worth fixing, not a failed load.
      severity: "warning",
      mod: m,
      message: `${m.relPath}: the kernel takes this BTF at load, but its types do not resolve against ${vmlinux}: full verification (as for BPF_BTF_LOAD) stops at ${quote(f.resolve)}.`,
      brief: `${m.relPath}: ${quote(f.resolve)}`,
      log: f.resolve.dmesg
    };
  }
  if (f.mismatch) {
    return {
      code: "btf-module-suspect-reference",
      severity: "warning",
      mod: m,
      message: `${m.relPath}: BTF passes the kernel's checks, but ${f.mismatch.evidence}.`,
      brief: `${m.relPath}: ${f.mismatch.evidence}`
    };
  }
  return void 0;
}
function quote(f) {
  const at = f.typeId !== void 0 && !f.text.startsWith(`[${f.typeId}]`) ? `type [${f.typeId}]: ` : "";
  return f.text ? `${at}"${f.text}"` : `${at}a reference past the last type (the kernel prints no message)`;
}
function baseRefPolicy(options, version, facts, problems, notes) {
  const policy = options.btfBaseRef;
  if (policy === "off") return;
  const subject = facts.filter(({ m, f }) => {
    if (!f.btfBytes) return false;
    if (policy === "required") return true;
    const info = factOf(m, modinfoAnalyzer);
    return !!info && !info.intree;
  });
  const missing = subject.filter((x) => !x.f.baseRefBytes);
  if (!missing.length) return;
  if (version && !atLeast(version, 6, 11)) {
    notes.push({
      severity: "notice",
      code: "btf-base-ref-unsupported",
      message: `${plural(missing.length, "module")} without .BTF.base, which btf-base-ref=${policy} asks for, but .BTF.base needs Linux 6.11 or later and this build is ${version.major}.${version.minor}`
    });
    return;
  }
  for (const { m } of missing) {
    const info = factOf(m, modinfoAnalyzer);
    const why = info && !info.intree ? "built out of tree (no intree=Y in .modinfo)" : "btf-base-ref=required";
    problems.push({
      code: "btf-base-ref-missing",
      severity: "error",
      mod: m,
      message: `${m.relPath} has split BTF but no .BTF.base (${why}): its BTF only fits this exact vmlinux and is lost or refused after any kernel rebuild`,
      brief: `${m.relPath} (${why})`
    });
  }
}
function readBtfSnapshot(data) {
  const modules = data?.modules;
  if (!modules || typeof modules !== "object" || Array.isArray(modules)) return null;
  const size = (n) => Number.isSafeInteger(n) && n >= 0;
  for (const v of Object.values(modules))
    if (!Array.isArray(v) || v.length !== 2 || !size(v[0]) || !size(v[1])) return null;
  return { modules };
}
function diffBaseline(current, base, label, facts, problems, blocks) {
  const byName = new Map(facts.map((x) => [x.m.name, x.m]));
  const rows = [];
  for (const [name, [btf, baseRef]] of Object.entries(current.modules)) {
    const was = base.modules[name];
    if (!was) continue;
    const mod = byName.get(name);
    if (mod && was[0] > 0 && btf === 0) {
      problems.push({
        code: "btf-module-lost-btf",
        severity: "warning",
        mod,
        message: `${mod.relPath} had BTF in ${label} (${fmt(was[0])} bytes) and has none now`,
        brief: mod.relPath
      });
    }
    if (mod && was[1] > 0 && baseRef === 0 && btf > 0) {
      problems.push({
        code: "btf-module-lost-base-ref",
        severity: "warning",
        mod,
        message: `${mod.relPath} had .BTF.base in ${label} and has none now: its BTF no longer survives a vmlinux rebuild`,
        brief: mod.relPath
      });
    }
    if (btf !== was[0]) rows.push({ name, old: was[0], now: btf });
  }
  for (const [name, [btf]] of Object.entries(current.modules))
    if (!base.modules[name] && btf) rows.push({ name, old: null, now: btf });
  for (const [name, [btf]] of Object.entries(base.modules))
    if (!current.modules[name] && btf) rows.push({ name, old: btf, now: null });
  if (!rows.length) return;
  const change2 = (r) => (r.now ?? 0) - (r.old ?? 0);
  rows.sort((a, b) => Math.abs(change2(b)) - Math.abs(change2(a)) || a.name.localeCompare(b.name));
  const oldTotal = Object.values(base.modules).reduce((s, [b]) => s + b, 0);
  const newTotal = Object.values(current.modules).reduce((s, [b]) => s + b, 0);
  const delta = newTotal - oldTotal;
  const pct = oldTotal ? `, ${delta >= 0 ? "+" : ""}${(100 * delta / oldTotal).toFixed(2)}%` : "";
  const signed2 = (n) => `${n > 0 ? "+" : ""}${fmt(n)}`;
  const cell = (n) => n === null ? "-" : fmt(n);
  blocks.push({
    kind: "details",
    summary: `Module BTF against ${label}: ${fmt(oldTotal)} -> ${fmt(newTotal)} bytes (${signed2(delta)}${pct}), ${plural(rows.length, "module")} changed, added or removed`,
    blocks: [
      {
        kind: "table",
        columns: ["Module", "Before", "After", "Change"],
        align: ["left", "right", "right", "right"],
        rows: rows.slice(0, SIZE_ROWS).map((r) => [{ code: r.name }, cell(r.old), cell(r.now), signed2(change2(r))])
      },
      ...rows.length > SIZE_ROWS ? [
        {
          kind: "paragraph",
          text: `${plural(rows.length - SIZE_ROWS, "more module")} changed less.`
        }
      ] : []
    ]
  });
}
function present(problems, withBtf) {
  const findings = [];
  const blocks = [];
  const byCode = /* @__PURE__ */ new Map();
  for (const p of problems) byCode.set(p.code, [...byCode.get(p.code) ?? [], p]);
  for (const [code, list] of byCode) {
    if (list.length <= SEPARATE_FINDINGS) {
      for (const p of list) {
        findings.push({
          severity: p.severity,
          code,
          message: p.message,
          module: p.mod.name,
          file: p.mod.relPath
        });
        if (p.log?.length) {
          blocks.push({
            kind: "details",
            summary: [{ code: p.mod.name }, ": what the kernel prints"],
            blocks: [{ kind: "code", text: p.log.join("\n") }]
          });
        }
      }
      continue;
    }
    const first = list[0];
    const hint = code === "btf-base-mismatch" && list.length === withBtf ? " (all of them: the vmlinux BTF checked against is probably not the one these modules were built with)" : "";
    findings.push({
      severity: first.severity,
      code,
      message: `${plural(list.length, "module")}: ${headline(code)}${hint}. First: ${first.message}`
    });
    blocks.push({
      kind: "details",
      summary: [`${plural(list.length, "module")}: `, { code }],
      blocks: [
        { kind: "list", items: list.map((p) => p.brief) },
        ...first.log?.length ? [{ kind: "code", text: first.log.join("\n") }] : []
      ]
    });
  }
  return { findings, blocks };
}
function headline(code) {
  switch (code) {
    case "btf-base-mismatch":
      return "BTF generated against a different vmlinux";
    case "btf-module-rejected":
      return "BTF refused by the kernel's load-time check";
    case "btf-module-inconsistent":
      return "BTF types that do not resolve";
    case "btf-base-ref-relocation-failed":
      return ".BTF.base does not relocate onto this vmlinux";
    case "btf-base-ref-missing":
      return "split BTF without .BTF.base";
    case "btf-module-without-btf":
      return "no BTF although CONFIG_DEBUG_INFO_BTF_MODULES=y";
    case "btf-module-lost-btf":
      return "BTF lost against the baseline";
    case "btf-module-lost-base-ref":
      return ".BTF.base lost against the baseline";
    case "btf-module-unexamined":
      return "BTF that could not be examined";
    default:
      return code;
  }
}
function summarize(total, withBtf, valid, withBaseRef, problems, vmlinux, unchecked) {
  const head = `${plural(total, "module")}: `;
  const tail = `${fmt(withBaseRef)} with .BTF.base`;
  if (unchecked)
    return `${head}${fmt(withBtf)} with split BTF (not validated: no usable vmlinux BTF), ${tail}`;
  const count2 = (code) => problems.filter((p) => p.code === code).length;
  const parts = [
    `${fmt(valid)} with split BTF valid against ${vmlinux === "vmlinux" ? "vmlinux BTF" : vmlinux}`
  ];
  const bad = [
    ["btf-base-mismatch", "built against a different vmlinux"],
    ["btf-module-rejected", "refused at load"],
    ["btf-base-ref-relocation-failed", "failing .BTF.base relocation"],
    ["btf-module-inconsistent", "with unresolvable types"],
    ["btf-module-without-btf", "without BTF"],
    ["btf-base-ref-missing", "missing .BTF.base"]
  ];
  for (const [code, what] of bad) {
    const n = count2(code);
    if (n) parts.push(`${fmt(n)} ${what}`);
  }
  if (total > withBtf && !count2("btf-module-without-btf")) parts.push(`${fmt(total - withBtf)} without BTF`);
  return `${head}${parts.join(", ")}, ${tail}`;
}

// src/exports/model.ts
function tableOf(rows) {
  const table = /* @__PURE__ */ new Map();
  for (const r of rows) if (!table.has(r.symbol)) table.set(r.symbol, r);
  return table;
}
function formatCrc(crc) {
  return crc === null ? "none" : `0x${crc.toString(16).padStart(8, "0")}`;
}
function exportKind(gplOnly) {
  return gplOnly ? "EXPORT_SYMBOL_GPL" : "EXPORT_SYMBOL";
}
function compareNames2(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/exports/symvers.ts
function parseSymvers(text, file) {
  const rows = [];
  const lines2 = text.split("\n");
  if (lines2.length > 0 && lines2[lines2.length - 1] === "") lines2.pop();
  for (let i = 0; i < lines2.length; i++) {
    const line = lines2[i];
    const n = i + 1;
    const f = splitFields(line);
    if (!f) throw new InputError("bad-value", file, `line ${n}: expected 5 tab-separated fields (crc, symbol, module, export type, namespace)`);
    const [crcText, symbol, module, kind, namespace] = f;
    if (!/^(0[xX])?[0-9a-fA-F]{1,8}$/.test(crcText)) throw new InputError("bad-value", file, `line ${n}: CRC "${crcText}" is not a 32-bit hex number`);
    if (symbol === "" || module === "") throw new InputError("bad-value", file, `line ${n}: empty symbol or module name`);
    let gplOnly;
    if (kind === "EXPORT_SYMBOL_GPL") gplOnly = true;
    else if (kind === "EXPORT_SYMBOL") gplOnly = false;
    else throw new InputError("bad-value", file, `line ${n}: unknown export type "${kind}" (modpost skips such lines with an error)`);
    rows.push({ symbol, module, gplOnly, namespace, crc: Number.parseInt(crcText, 16), line: n });
  }
  return rows;
}
function splitFields(line) {
  const a = line.indexOf("	");
  if (a < 0) return null;
  const b = line.indexOf("	", a + 1);
  if (b < 0) return null;
  const c = line.indexOf("	", b + 1);
  if (c < 0) return null;
  const d = line.indexOf("	", c + 1);
  if (d < 0) return null;
  return [line.slice(0, a), line.slice(a + 1, b), line.slice(b + 1, c), line.slice(c + 1, d), line.slice(d + 1)];
}
function symversExports(rows, modversions) {
  return rows.map((r) => ({ symbol: r.symbol, module: r.module, gplOnly: r.gplOnly, namespace: r.namespace, crc: modversions ? r.crc : null }));
}

// src/exports/whitelist.ts
var import_node_fs9 = __toESM(require_node_fs(), 1);
var import_node_path4 = __toESM(require_node_path(), 1);

// src/discover/walk.ts
var import_node_fs8 = __toESM(require_node_fs(), 1);
var import_node_path3 = __toESM(require_node_path(), 1);
function inside(root, path2) {
  const r = (0, import_node_path3.relative)(root, path2);
  return r === "" || !r.startsWith("..") && !(0, import_node_path3.isAbsolute)(r);
}
var refusals = null;
function collectingRefusals(sink, fn) {
  const prev = refusals;
  refusals = sink;
  try {
    return fn();
  } finally {
    refusals = prev;
  }
}
function refusePath(root, path2, what) {
  const name = (0, import_node_path3.relative)(root, path2);
  const err = new InputError("refused", name.length > 200 ? `${name.slice(0, 200)}...` : name, what);
  if (!refusals) throw err;
  if (!refusals.includes(err.message)) refusals.push(err.message);
  return void 0;
}
var lastRoot;
function resolvedRoot(root) {
  if (lastRoot?.root !== root) lastRoot = { root, resolved: import_node_fs8.realpathSync.native(root) };
  return lastRoot.resolved;
}
function fileIn(root, path2) {
  const refuse = (what) => refusePath(root, path2, what);
  let st;
  try {
    st = (0, import_node_fs8.lstatSync)(path2, { throwIfNoEntry: false });
  } catch (err) {
    return refuse(`cannot be looked up: ${err.code ?? String(err)}`);
  }
  if (!st) return void 0;
  let target;
  try {
    target = import_node_fs8.realpathSync.native(path2);
  } catch (err) {
    const code = err.code;
    if (code === "ELOOP") return refuse("is a symlink loop");
    return void 0;
  }
  if (!inside(resolvedRoot(root), target)) {
    return refuse(st.isSymbolicLink() ? `is a symlink to ${(0, import_node_fs8.readlinkSync)(path2)}, outside the build directory` : "resolves outside the build directory");
  }
  const t = st.isSymbolicLink() ? (0, import_node_fs8.statSync)(target, { throwIfNoEntry: false }) : st;
  return t?.isFile() ? path2 : void 0;
}
function dirIn(root, path2) {
  const st = (0, import_node_fs8.lstatSync)(path2, { throwIfNoEntry: false });
  if (!st) return void 0;
  if (st.isSymbolicLink()) {
    let target;
    try {
      target = import_node_fs8.realpathSync.native(path2);
    } catch (err) {
      return err.code === "ELOOP" ? refusePath(root, path2, "is a symlink loop") : void 0;
    }
    if (!inside(resolvedRoot(root), target)) {
      return refusePath(root, path2, `is a symlink to ${(0, import_node_fs8.readlinkSync)(path2)}, outside the build directory`);
    }
    return (0, import_node_fs8.statSync)(target).isDirectory() ? path2 : void 0;
  }
  return st.isDirectory() ? path2 : void 0;
}
function walkFiles(dir, want, maxFiles, skipDirs = /* @__PURE__ */ new Set(), symlinks) {
  const out = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    let entries;
    try {
      entries = (0, import_node_fs8.readdirSync)(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!skipDirs.has(e.name)) stack.push((0, import_node_path3.join)(d, e.name));
      } else if ((e.isFile() || e.isSymbolicLink()) && want(e.name)) {
        const path2 = (0, import_node_path3.join)(d, e.name);
        if (e.isSymbolicLink()) symlinks?.add(path2);
        out.push(path2);
        if (out.length > maxFiles) throw new InputError("too-large", dir, `more than ${maxFiles} matching files`);
      }
    }
  }
  return out.sort();
}

// src/exports/whitelist.ts
function kernelListReader(build) {
  const v = build.info.version;
  if (v) return { reader: atLeast(v, 6, 5) ? "modpost" : "autoksyms", known: true };
  return { reader: build.layout.autoksyms ? "autoksyms" : "modpost", known: false };
}
function configValue(build, key) {
  return build.config?.get(key) ?? build.info.config[key];
}
function configEnabled(build, key) {
  const v = configValue(build, key);
  return v === "y" || v === "m";
}
function locateWhitelist(build, reader) {
  const setting = configValue(build, "UNUSED_KSYMS_WHITELIST")?.trim();
  if (!setting) return null;
  const obj = build.layout.root;
  const src = build.layout.sourceDir ?? obj;
  const tried = [];
  let candidates;
  if ((0, import_node_path4.isAbsolute)(setting)) candidates = [setting];
  else if (reader === "modpost") candidates = [(0, import_node_path4.join)(obj, setting), (0, import_node_path4.join)(src, setting)];
  else candidates = [(0, import_node_path4.join)(src, setting)];
  for (const c of candidates) {
    if (tried.includes(c)) continue;
    tried.push(c);
    if (!(0, import_node_fs9.existsSync)(c)) continue;
    const real = (0, import_node_fs9.realpathSync)(c);
    const allowed = [obj, src].some((root) => (0, import_node_fs9.existsSync)(root) && inside((0, import_node_fs9.realpathSync)(root), real));
    if (!allowed) return { setting, path: null, tried, refused: c };
    if (!(0, import_node_fs9.statSync)(real).isFile()) continue;
    return { setting, path: c, tried };
  }
  return { setting, path: null, tried };
}
function parseAutoksyms(text) {
  const out = /* @__PURE__ */ new Set();
  for (const line of text.split("\n")) {
    const m = /^#define __KSYM_(\S+) 1$/.exec(line);
    if (m) out.add(m[1]);
  }
  return out;
}

// src/exports/image.ts
var import_node_fs10 = __toESM(require_node_fs(), 1);
function vmlinuxFromImage(build) {
  return build.memo("exports:image-elf", async () => {
    const path2 = build.layout.bootImage;
    if (!path2) return null;
    const file = build.rel(path2);
    const st = (0, import_node_fs10.statSync)(path2);
    if (st.size > LIMITS.maxModuleBytes) throw new InputError("too-large", file, `${st.size} bytes is more than a boot image can be`);
    const k = await unpackKernel((0, import_node_fs10.readFileSync)(path2), file);
    if (k.format !== "elf") return null;
    const what = k.container === "none" ? file : `${file} (${k.container}${k.compression === "none" ? "" : `, ${k.compression}`})`;
    return { elf: ElfFile.fromBytes(k.bytes, what), what };
  });
}

// src/exports/module-set.ts
var import_node_fs11 = __toESM(require_node_fs(), 1);
var import_node_path5 = __toESM(require_node_path(), 1);
var ANALYZER_IDS = [modinfoAnalyzer.id, linkageAnalyzer.id];
var MODULE_SUFFIX = /\.(ko|o)(\.xz|\.zst|\.gz)?$/;
function moduleOwner(relPath, installed) {
  const p = relPath.replace(MODULE_SUFFIX, "");
  return installed && p.startsWith("kernel/") ? p.slice("kernel/".length) : p;
}
function unpacked(p) {
  return p ? unpackLinkage(p) : null;
}
function linkedModule(s, owner, file, object) {
  const base = owner.slice(owner.lastIndexOf("/") + 1);
  const m = {
    name: s.name,
    baseName: base,
    owner,
    file,
    linkage: unpacked(factOf(s, linkageAnalyzer)),
    modinfo: factOf(s, modinfoAnalyzer) ?? null,
    object
  };
  const err = s.error ?? s.factErrors[linkageAnalyzer.id];
  if (err) m.error = err;
  return m;
}
function moduleObjects(build) {
  return build.memo("exports:modules", async () => {
    const layout2 = build.layout;
    const installed = layout2.kind === "installed";
    const out = [];
    if (layout2.modules.length) {
      for (const s of await build.modules()) out.push(linkedModule(s, moduleOwner(s.relPath, installed), s.relPath, false));
    }
    const objects = unlinkedObjects(build);
    if (objects.length) {
      const summaries = await analyzeModules(objects, { analyzers: ANALYZER_IDS });
      for (const s of summaries) out.push(linkedModule(s, moduleOwner(s.relPath, false), s.relPath, true));
    }
    return out;
  });
}
function unlinkedObjects(build) {
  const layout2 = build.layout;
  if (!layout2.modulesOrder || layout2.kind !== "kbuild") return [];
  const have = new Set(layout2.modules.map((m) => m.relPath.replace(/\.ko$/, "")));
  const out = [];
  for (const line of build.readText(layout2.modulesOrder).split("\n")) {
    const rel = line.trim();
    if (!rel.endsWith(".o")) continue;
    const stem = rel.slice(0, -2);
    if (have.has(stem)) continue;
    const path2 = (0, import_node_path5.join)(layout2.root, rel);
    if (!fileIn(layout2.root, path2)) continue;
    out.push({ name: (0, import_node_path5.basename)(stem).replace(/-/g, "_"), path: path2, relPath: rel, compression: "none" });
  }
  return out;
}
var MODULE_FILE = /\.ko(\.xz|\.zst|\.gz)?$/;
function extraModules(build, dirs) {
  return build.memo(`exports:extra:${dirs.join("\0")}`, async () => {
    const files = [];
    const shown = /* @__PURE__ */ new Map();
    for (const given of dirs) {
      const dir = (0, import_node_path5.resolve)(given);
      const st = (0, import_node_fs11.statSync)(dir, { throwIfNoEntry: false });
      if (!st) throw new InputError("io", given, "extra-modules: no such directory");
      if (!st.isDirectory()) throw new InputError("not-a-file", given, "extra-modules: not a directory");
      for (const path2 of walkFiles(dir, (n) => MODULE_FILE.test(n), LIMITS.maxModules)) {
        if (!fileIn(dir, path2)) continue;
        const relPath = (0, import_node_path5.relative)(dir, path2);
        files.push({ name: (0, import_node_path5.basename)(path2).replace(MODULE_FILE, "").replace(/-/g, "_"), path: path2, relPath, compression: compressionOf(path2) });
        shown.set(path2, (0, import_node_path5.isAbsolute)(given) ? path2 : (0, import_node_path5.join)(given, relPath));
      }
    }
    if (!files.length) return [];
    const summaries = await analyzeModules(files, { analyzers: ANALYZER_IDS });
    return summaries.map((s, i) => linkedModule(s, moduleOwner(s.relPath, false), shown.get(files[i].path) ?? s.relPath, false));
  });
}

// src/exports/build-exports.ts
function buildExports(build) {
  return build.memo("exports:build", () => readBuildExports(build));
}
async function exportSet(build) {
  const symvers = readSymvers(build);
  if (!symvers) return buildExports(build);
  const configured = configValue(build, "MODVERSIONS");
  const modversions = configured !== void 0 ? configured === "y" : symvers.rows.some((r) => r.crc !== 0);
  return { source: "symvers", exports: symversExports(symvers.rows, modversions), modversions };
}
function readSymvers(build) {
  const layout2 = build.layout;
  if (!layout2.symvers) return null;
  return build.memo("exports:symvers", () => {
    const file = build.rel(layout2.symvers);
    return { file, kind: layout2.symversKind ?? "Module.symvers", rows: parseSymvers(build.readText(layout2.symvers), file) };
  });
}
async function readBuildExports(build) {
  const notes = [];
  const symvers = readSymvers(build);
  const vm = await vmlinuxExports(build, notes);
  const configured = configValue(build, "MODVERSIONS");
  const modversions = configured !== void 0 ? configured === "y" : (symvers?.rows.some((r) => r.crc !== 0) ?? false) || (vm?.exports.some((e) => e.crc !== null) ?? false);
  const fromSymvers = symvers ? symversExports(symvers.rows, modversions) : null;
  const modules = await moduleObjects(build);
  const binaryRows = [];
  const covered = /* @__PURE__ */ new Set();
  if (vm) {
    covered.add("vmlinux");
    for (const e of vm.exports) binaryRows.push(withOwner(e, "vmlinux", modversions));
  }
  let failed2 = 0;
  for (const m of modules) {
    if (!m.linkage) {
      failed2++;
      continue;
    }
    if (!m.object) covered.add(m.owner);
    for (const e of m.linkage.exports) binaryRows.push(withOwner(e, m.owner, modversions));
  }
  if (failed2) notes.push(`${failed2} module${failed2 === 1 ? "" : "s"} could not be read; their exports and imports are not checked`);
  const binary = vm || modules.length ? { exports: binaryRows, vmlinux: vm?.file ?? null, covered } : null;
  let exports;
  let source;
  if (fromSymvers) {
    exports = fromSymvers;
    source = "symvers";
  } else if (binary && (vm || binaryRows.length)) {
    exports = binaryRows;
    source = "binaries";
    if (!vm) notes.push("no vmlinux or boot image with export tables: the exports of vmlinux are unknown");
  } else {
    exports = [];
    source = "none";
  }
  const mismatches = symvers && fromSymvers && binary ? compareSources(fromSymvers, symvers.rows, binary) : [];
  return { source, exports, table: tableOf(exports), modversions, symvers, binary, mismatches, modules, notes };
}
function withOwner(e, module, modversions) {
  return { symbol: e.symbol, module, gplOnly: e.gplOnly, namespace: e.namespace, crc: modversions ? e.crc : null };
}
async function vmlinuxExports(build, notes) {
  const layout2 = build.layout;
  if (layout2.vmlinux) {
    try {
      const elf = build.vmlinux();
      if (elf && (elf.section("__ksymtab") || elf.section("__ksymtab_gpl"))) {
        return { file: build.rel(layout2.vmlinux), exports: readKsymtab(elf) };
      }
    } catch (err) {
      notes.push(`cannot read the export tables of ${build.rel(layout2.vmlinux)}: ${describeError(err)}`);
    }
  }
  if (layout2.bootImage) {
    try {
      const image = await vmlinuxFromImage(build);
      if (image) return { file: image.what, exports: readKsymtab(image.elf) };
      notes.push(`${build.rel(layout2.bootImage)} holds a raw kernel without section headers; its export tables are not read`);
    } catch (err) {
      notes.push(`cannot read the export tables of ${build.rel(layout2.bootImage)}: ${describeError(err)}`);
    }
  }
  return null;
}
function compareSources(fromSymvers, rows, binary) {
  const out = [];
  const bin = tableOf(binary.exports.filter((e) => binary.covered.has(e.module)));
  const seen = /* @__PURE__ */ new Set();
  for (let i = 0; i < fromSymvers.length; i++) {
    const s = fromSymvers[i];
    const line = rows[i]?.line;
    const b = bin.get(s.symbol);
    seen.add(s.symbol);
    const at = line === void 0 ? {} : { line };
    if (!b) {
      if (binary.covered.has(s.module)) out.push({ symbol: s.symbol, module: s.module, what: "only-symvers", symvers: s, ...at });
      continue;
    }
    if (b.module !== s.module) {
      out.push({ symbol: s.symbol, module: s.module, what: "module", symvers: s, binary: b, ...at });
      continue;
    }
    if (b.gplOnly !== s.gplOnly) out.push({ symbol: s.symbol, module: s.module, what: "gpl", symvers: s, binary: b, ...at });
    if (b.namespace !== s.namespace) out.push({ symbol: s.symbol, module: s.module, what: "namespace", symvers: s, binary: b, ...at });
    if (b.crc !== null && s.crc !== null && b.crc !== s.crc) out.push({ symbol: s.symbol, module: s.module, what: "crc", symvers: s, binary: b, ...at });
  }
  for (const b of bin.values()) if (!seen.has(b.symbol)) out.push({ symbol: b.symbol, module: b.module, what: "only-binary", binary: b });
  return out;
}

// src/exports/diff.ts
function toExportSnapshot(source, modversions, exports) {
  const index = /* @__PURE__ */ new Map();
  const modules = [];
  const rows = [];
  for (const e of [...exports].sort((a, b) => compareNames2(a.symbol, b.symbol))) {
    let i = index.get(e.module);
    if (i === void 0) {
      i = modules.length;
      modules.push(e.module);
      index.set(e.module, i);
    }
    rows.push([e.symbol, i, e.gplOnly ? 1 : 0, e.namespace, e.crc]);
  }
  return { source, modversions, modules, rows };
}
function fromExportSnapshot(s, file) {
  const bad = (what) => new InputError("bad-value", file, `exports snapshot: ${what}`);
  if (!s || typeof s !== "object") throw bad("not an object");
  const snap = s;
  if (!Array.isArray(snap.modules) || !Array.isArray(snap.rows)) throw bad('no "modules" or "rows" array');
  const modules = snap.modules;
  if (!modules.every((m) => typeof m === "string")) throw bad("module names must be strings");
  return snap.rows.map((r, i) => {
    if (!Array.isArray(r) || r.length !== 5) throw bad(`row ${i} is not [symbol, module, gpl, namespace, crc]`);
    const [symbol, mod, gpl, namespace, crc] = r;
    const module = typeof mod === "number" ? modules[mod] : void 0;
    if (typeof symbol !== "string" || module === void 0 || gpl !== 0 && gpl !== 1 || typeof namespace !== "string") throw bad(`row ${i} is malformed`);
    if (crc !== null && (typeof crc !== "number" || !Number.isInteger(crc) || crc < 0 || crc > 4294967295)) throw bad(`row ${i}: CRC is not a 32-bit number`);
    return { symbol, module, gplOnly: gpl === 1, namespace, crc };
  });
}
function diffExports(base, head) {
  const before = tableOf(base);
  const after = tableOf(head);
  const added = [];
  const removed = [];
  const changed = [];
  for (const [name, b] of before) {
    const a = after.get(name);
    if (!a) {
      removed.push(b);
      continue;
    }
    const fields = [];
    if (a.gplOnly !== b.gplOnly) fields.push("gplOnly");
    if (a.namespace !== b.namespace) fields.push("namespace");
    if (a.crc !== null && b.crc !== null && a.crc !== b.crc) fields.push("crc");
    if (a.module !== b.module) fields.push("module");
    if (fields.length) changed.push({ symbol: name, before: b, after: a, fields });
  }
  for (const [name, a] of after) if (!before.has(name)) added.push(a);
  const byName = (x, y) => compareNames2(x.symbol, y.symbol);
  return { added: added.sort(byName), removed: removed.sort(byName), changed: changed.sort(byName) };
}
function countsPerModule(d) {
  const m = /* @__PURE__ */ new Map();
  const get = (module) => {
    let c = m.get(module);
    if (!c) m.set(module, c = { module, added: 0, removed: 0, changed: 0 });
    return c;
  };
  for (const e of d.added) get(e.module).added++;
  for (const e of d.removed) get(e.module).removed++;
  for (const c of d.changed) get(c.after.module).changed++;
  const total = (c) => c.added + c.removed + c.changed;
  return [...m.values()].sort((a, b) => total(b) - total(a) || compareNames2(a.module, b.module));
}

// src/exports/lists.ts
var import_node_fs12 = __toESM(require_node_fs(), 1);
var import_node_path6 = __toESM(require_node_path(), 1);

// src/exports/symbol-list.ts
var HEADER = /^\[[^\]]*\]$/;
function detectFormat(text) {
  for (const line of text.split(/\r\n|\n|\r/)) if (HEADER.test(line.trim())) return "android";
  return "plain";
}
function splitLines(text) {
  const out = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  let n = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: text.slice(start, m.index), number: n++, end: m[0] });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start), number: n, end: "" });
  return out;
}
function intended(text, reader) {
  const t = text.trim();
  if (t === "") return { words: [], comment: false, header: false };
  if (t.startsWith("#")) return { words: [], comment: true, header: false };
  if (HEADER.test(t)) return { words: [], comment: false, header: true };
  const hash = t.search(/\s#/);
  const content = hash >= 0 ? t.slice(0, hash) : t;
  let words = content.split(/\s+/).filter(Boolean);
  if (reader === "autoksyms") words = words.map((w) => w.startsWith(".") ? w.slice(1) : w).filter(Boolean);
  return { words, comment: hash >= 0, header: false };
}
function autoksymsWords(piece) {
  return piece.split(" ").filter((w) => w !== "").map((w) => w.startsWith(".") ? w.slice(1) : w).filter((w) => w !== "");
}
function parseSymbolList(text, file, reader) {
  const format = detectFormat(text);
  const lines2 = splitLines(text);
  const crOnly = lines2.some((l) => l.end === "\r") && !lines2.some((l) => l.end === "\n" || l.end === "\r\n");
  const entries = [];
  const issues = [];
  const first = /* @__PURE__ */ new Map();
  for (const l of lines2) {
    const want = intended(l.text, reader);
    for (const w of want.words) {
      const seen = first.get(w);
      if (seen !== void 0) issues.push({ kind: "duplicate", line: l.number, lost: [], bogus: [], firstLine: seen, text: l.text });
      else {
        first.set(w, l.number);
        entries.push({ symbol: w, line: l.number });
      }
    }
    if (reader === "android") continue;
    const issue = reader === "modpost" ? modpostIssue(l, want, crOnly) : autoksymsIssue(l, want);
    if (issue) issues.push(issue);
  }
  return { file, format, reader, entries, issues, crOnly };
}
function modpostIssue(l, want, crOnly) {
  const piece = crOnly || l.end === "\r" ? null : l.end === "\r\n" ? `${l.text}\r` : l.text;
  const lost = want.words.filter((w) => w !== piece);
  const base = { line: l.number, lost, bogus: [], text: l.text };
  if (want.header) return { kind: "header", ...base };
  if (want.words.length === 0) return want.comment ? { kind: "comment", ...base } : null;
  if (lost.length === 0) return null;
  if (piece === null || piece.endsWith("\r")) return { kind: "cr", ...base };
  if (want.comment) return { kind: "comment", ...base };
  return { kind: "whitespace", ...base };
}
function autoksymsIssue(l, want) {
  const piece = l.end === "\r\n" || l.end === "\r" ? `${l.text}\r` : l.text;
  const read = autoksymsWords(piece);
  const readSet = new Set(read);
  const wantSet = new Set(want.words);
  const lost = want.words.filter((w) => !readSet.has(w));
  const bogus = read.filter((w) => !wantSet.has(w));
  if (lost.length === 0 && bogus.length === 0) return null;
  const base = { line: l.number, lost, bogus, text: l.text };
  if (piece.endsWith("\r") && (lost.length > 0 || bogus.length > 0)) return { kind: "cr", ...base };
  if (want.header) return { kind: "header", ...base };
  if (want.comment) return { kind: "comment", ...base };
  return { kind: "whitespace", ...base };
}

// src/exports/lists.ts
function loadLists(build, options) {
  return build.memo(`exports:lists:${options.symbolLists.join("\0")}`, () => readLists(build, options));
}
function readLists(build, options) {
  const { reader, known } = kernelListReader(build);
  const lists = [];
  const whitelist = locateWhitelist(build, reader);
  const seen = /* @__PURE__ */ new Set();
  if (whitelist?.path) {
    const file = build.rel(whitelist.path);
    lists.push({ list: parseSymbolList(build.readText(whitelist.path), file, reader), whitelist: true });
    seen.add((0, import_node_fs12.realpathSync)(whitelist.path));
  }
  for (const given of options.symbolLists) {
    const path2 = (0, import_node_path6.resolve)(given);
    const st = (0, import_node_fs12.statSync)(path2, { throwIfNoEntry: false });
    if (!st) throw new InputError("io", given, "symbol list: no such file");
    if (!st.isFile()) throw new InputError("not-a-file", given, "symbol list: not a regular file");
    if (st.size > LIMITS.maxTextBytes) throw new InputError("too-large", given, "symbol list: file too large");
    const real = (0, import_node_fs12.realpathSync)(path2);
    if (seen.has(real)) continue;
    seen.add(real);
    const text = (0, import_node_fs12.readFileSync)(path2, "utf8");
    const listReader = detectFormat(text) === "android" ? "android" : reader;
    lists.push({ list: parseSymbolList(text, displayPath(build, given, path2), listReader), whitelist: false });
  }
  let autoksyms = null;
  if (build.layout.autoksyms) autoksyms = parseAutoksyms(build.readText(build.layout.autoksyms));
  return { lists, reader, readerKnown: known, trim: configEnabled(build, "TRIM_UNUSED_KSYMS"), whitelist, autoksyms };
}
function displayPath(build, given, abs) {
  const rel = build.rel(abs);
  return rel === abs ? given : rel;
}

// src/exports/resolve.ts
var GPL_COMPATIBLE = /* @__PURE__ */ new Set(["GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL"]);
function licensesOf(m) {
  return m.modinfo?.licenses ?? [];
}
function gplCompatible(licenses) {
  return licenses.length > 0 && licenses.every((l) => GPL_COMPATIBLE.has(l));
}
function moduleNamespaceAllows(namespace, moduleName2) {
  if (!namespace.startsWith("module:")) return false;
  const norm = (s) => s.replace(/-/g, "_");
  const name = norm(moduleName2);
  for (const raw of namespace.slice("module:".length).split(",")) {
    if (raw === "") continue;
    const glob = raw.endsWith("*");
    const pat = norm(glob ? raw.slice(0, -1) : raw);
    if (glob ? name.startsWith(pat) : name === pat) return true;
  }
  return false;
}
function resolveImports(modules, table) {
  const out = [];
  for (const m of modules) {
    const l = m.linkage;
    if (!l) continue;
    const licenses = licensesOf(m);
    const gplOk = gplCompatible(licenses);
    const importNs = new Set(m.modinfo?.importNs ?? []);
    const versions = l.versions;
    let versioned = 0;
    const check = (symbol, weak, at) => {
      const e = table.get(symbol);
      if (!e) {
        if (!weak) out.push({ kind: "unresolved", module: m, symbol });
        return;
      }
      if (e.module === m.owner) return;
      if (e.gplOnly && !gplOk) out.push({ kind: "gpl-only", module: m, symbol, export: e, licenses });
      if (e.namespace !== "" && !importNs.has(e.namespace) && !moduleNamespaceAllows(e.namespace, m.baseName)) {
        out.push({ kind: "namespace", module: m, symbol, export: e });
      }
      if (e.crc === null || m.object) return;
      versioned++;
      if (!versions) return;
      const recorded = versions.crcs[at];
      if (Number.isNaN(recorded)) {
        if (!versions.extended) out.push({ kind: "no-version", module: m, symbol, export: e });
      } else if (recorded !== e.crc) out.push({ kind: "crc", module: m, symbol, export: e, recorded });
    };
    l.imports.forEach((s, i) => check(s, false, i));
    l.weak.forEach((s, i) => check(s, true, l.imports.length + i));
    const layout2 = table.get("module_layout");
    const recordedLayout = versions ? recordedCrc(versions, "module_layout") : void 0;
    if (layout2 && layout2.crc !== null && recordedLayout !== void 0 && recordedLayout !== layout2.crc && !l.imports.includes("module_layout")) {
      out.push({ kind: "crc", module: m, symbol: "module_layout", export: layout2, recorded: recordedLayout });
    }
    if (!versions && versioned > 0) out.push({ kind: "unversioned", module: m, symbols: versioned });
  }
  return out;
}

// src/checks/exports.ts
var exportsCheck = {
  id: "exports",
  title: "Exported symbols",
  async snapshot(build) {
    const exp = await exportSet(build);
    return toExportSnapshot(exp.source, exp.modversions, exp.exports);
  },
  async run({ build, options, current, baseline }) {
    const base = baseline?.data ? fromExportSnapshot(baseline.data, baseline.label || "baseline") : null;
    const early = base && current ? diffExports(base, fromExportSnapshot(current, "current build")) : null;
    const exp = await buildExports(build);
    const findings = mismatchFindings(exp.symvers?.file ?? "Module.symvers", exp.binary?.vmlinux ?? null, exp.mismatches);
    const blocks = [];
    if (exp.notes.length) blocks.push({ kind: "list", items: exp.notes });
    if (exp.mismatches.length) blocks.push(mismatchBlock(exp.mismatches));
    const count2 = `${exp.exports.length.toLocaleString("en-US")} exports`;
    if (!baseline?.data || !base) {
      const summary2 = exp.source === "none" ? "no exports found (no Module.symvers, vmlinux or modules)" : `${count2} (${exp.source === "symvers" ? exp.symvers.kind : "from the binaries"}); ${baseline ? "the baseline has no export data" : "no baseline to compare with"}`;
      return { summary: withMismatch(summary2, exp.mismatches), findings, blocks, report: { exports: section(null, null) } };
    }
    const diff = early ?? diffExports(base, exp.exports);
    if (exp.source === "binaries") {
      const unread = new Set(exp.modules.filter((m) => !m.linkage).map((m) => m.owner));
      const unknown = diff.removed.filter((e) => unread.has(e.module));
      if (unknown.length) {
        diff.removed = diff.removed.filter((e) => !unread.has(e.module));
        blocks.push({ kind: "paragraph", text: `${unknown.length} exports of the baseline belong to modules that could not be read here; they are not counted as removed` });
      }
    }
    const needed = await neededSymbols(build, options);
    for (const x of diffFindings(diff, needed)) findings.push(x);
    for (const x of diffBlocks(diff)) blocks.push(x);
    const summary = `${count2}; against ${baseline.label || "the baseline"}: ${diffLine(diff)}`;
    return { summary: withMismatch(summary, exp.mismatches), findings, blocks, report: { exports: section(baseline.label, diff) } };
  }
};
async function neededSymbols(build, options) {
  const needed = /* @__PURE__ */ new Map();
  const add = (symbol, need) => needed.set(symbol, [...needed.get(symbol) ?? [], need]);
  for (const { list } of loadLists(build, options).lists) {
    for (const e of list.entries) add(e.symbol, { by: `listed in ${list.file}:${e.line}` });
  }
  if (options.extraModules.length) {
    for (const m of await extraModules(build, options.extraModules)) {
      const module = { name: m.baseName, gpl: gplCompatible(licensesOf(m)), importNs: m.modinfo?.importNs ?? [] };
      for (const s of m.linkage?.imports ?? []) add(s, { by: `imported by out-of-tree module ${m.name}`, module });
    }
  }
  return needed;
}
function breaks(needs, test) {
  return needs?.find((n) => !n.module || test(n.module));
}
function diffFindings(diff, needed) {
  const out = [];
  const level = (n) => n ? "error" : "warning";
  const because = (n) => n ? ` and it is ${n.by}` : "";
  for (const e of diff.removed) {
    const n = breaks(needed.get(e.symbol), () => true);
    out.push({
      severity: level(n),
      code: "export-removed",
      symbol: e.symbol,
      module: e.module,
      message: `${e.symbol} is no longer exported (was ${exportKind(e.gplOnly)} of ${e.module}): modules built against the baseline that use it will not load${because(n)}`
    });
  }
  for (const c of diff.changed) {
    if (c.fields.includes("gplOnly") && c.after.gplOnly) {
      const n = breaks(needed.get(c.symbol), (m) => !m.gpl);
      out.push({
        severity: level(n),
        code: "export-now-gpl-only",
        symbol: c.symbol,
        module: c.after.module,
        message: `${c.symbol} became EXPORT_SYMBOL_GPL: modules that are not GPL-compatible can no longer use it${because(n)}`
      });
    }
    if (c.fields.includes("namespace") && c.after.namespace !== "") {
      const ns = c.after.namespace;
      const n = breaks(needed.get(c.symbol), (m) => !m.importNs.includes(ns) && !moduleNamespaceAllows(ns, m.name));
      out.push({
        severity: level(n),
        code: "export-namespace-changed",
        symbol: c.symbol,
        module: c.after.module,
        message: `${c.symbol} moved from ${c.before.namespace ? `namespace ${c.before.namespace}` : "no namespace"} to namespace ${ns}: modules that do not import it fail to load${because(n)}`
      });
    }
  }
  return out;
}
function mismatchFindings(symvers, binary, mismatches) {
  if (!mismatches.length) return [];
  const byKind = /* @__PURE__ */ new Map();
  for (const m of mismatches) byKind.set(m.what, [...byKind.get(m.what) ?? [], m]);
  const describe = {
    "only-symvers": `listed in ${symvers} but not exported by the binaries`,
    "only-binary": `exported by the binaries but missing from ${symvers}`,
    gpl: `GPL-only in one of ${symvers} and the binaries but not the other`,
    namespace: `in a different namespace in ${symvers} than in the binaries`,
    crc: `with a different CRC in ${symvers} than in the binaries' __kcrctab`,
    module: `owned by a different module in ${symvers} than in the binaries`
  };
  const out = [];
  for (const [what, unsorted] of byKind) {
    const list = [...unsorted].sort((a, b) => a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0);
    const sample = list.slice(0, 5).map((m) => m.symbol).join(", ");
    const first = list[0];
    out.push({
      severity: "warning",
      code: "export-symvers-mismatch",
      file: symvers,
      ...first.line !== void 0 ? { line: first.line } : {},
      ...list.length === 1 ? { symbol: first.symbol, module: first.module } : {},
      message: `${list.length} export${list.length === 1 ? " is" : "s are"} ${describe[what]} (${sample}${list.length > 5 ? ", \u2026" : ""}): ${symvers} does not describe ${binary ?? "these binaries"}; out-of-tree modules built against it get the wrong exports and CRCs`
    });
  }
  return out;
}
function mismatchBlock(mismatches) {
  const attr = (e) => e ? `${e.module} ${exportKind(e.gplOnly)}${e.namespace ? ` ${e.namespace}` : ""} ${formatCrc(e.crc)}` : "\u2014";
  const rows = mismatches.map((m) => [{ code: m.symbol }, m.what, attr(m.symvers), attr(m.binary)]);
  return { kind: "details", summary: `${mismatches.length} disagreements between Module.symvers and the binaries`, blocks: [{ kind: "table", columns: ["Symbol", "Difference", "Module.symvers", "Binaries"], rows }] };
}
function withMismatch(summary, mismatches) {
  return mismatches.length ? `${summary}; Module.symvers disagrees with the binaries on ${mismatches.length} export${mismatches.length === 1 ? "" : "s"}` : summary;
}
function diffLine(d) {
  if (!d.added.length && !d.removed.length && !d.changed.length) return "no export changed";
  const n = (x) => x.toLocaleString("en-US");
  const modules = countsPerModule(d).length;
  const byField = ["crc", "gplOnly", "namespace", "module"].map((f) => [f, d.changed.filter((c) => c.fields.includes(f)).length]).filter(([, k]) => k > 0).map(([f, k]) => `${n(k)} ${CHANGE_NAMES[f]}`);
  const changed = d.changed.length ? ` (${byField.join(", ")})` : "";
  return `${n(d.added.length)} added, ${n(d.removed.length)} removed, ${n(d.changed.length)} changed${changed} in ${n(modules)} module${modules === 1 ? "" : "s"}`;
}
var CHANGE_NAMES = { gplOnly: "GPL-only", namespace: "namespace", crc: "CRC", module: "module" };
function change(c) {
  const parts = [];
  for (const f of c.fields) {
    if (f === "gplOnly") parts.push(c.after.gplOnly ? "now GPL-only" : "no longer GPL-only");
    if (f === "namespace") parts.push(`namespace ${c.before.namespace || "(none)"} \u2192 ${c.after.namespace || "(none)"}`);
    if (f === "crc") parts.push(`CRC ${formatCrc(c.before.crc)} \u2192 ${formatCrc(c.after.crc)}`);
    if (f === "module") parts.push(`${c.before.module} \u2192 ${c.after.module}`);
  }
  return parts.join("; ");
}
function diffBlocks(d) {
  if (!d.added.length && !d.removed.length && !d.changed.length) return [];
  const counts2 = countsPerModule(d);
  const blocks = [
    {
      kind: "table",
      columns: ["Module", "Added", "Removed", "Changed"],
      align: ["left", "right", "right", "right"],
      rows: counts2.map((c) => [{ code: c.module }, String(c.added), String(c.removed), String(c.changed)])
    }
  ];
  const row = (e) => [{ code: e.symbol }, { code: e.module }, exportKind(e.gplOnly), e.namespace || "\u2014"];
  if (d.removed.length) blocks.push({ kind: "details", summary: `${d.removed.length} removed`, blocks: [{ kind: "table", columns: ["Symbol", "Module", "Type", "Namespace"], rows: d.removed.map(row) }] });
  if (d.changed.length) {
    const rows = d.changed.map((c) => [{ code: c.symbol }, { code: c.after.module }, c.fields.map((f) => CHANGE_NAMES[f]).join(", "), change(c)]);
    blocks.push({ kind: "details", summary: `${d.changed.length} changed`, blocks: [{ kind: "table", columns: ["Symbol", "Module", "What", "Change"], rows }] });
  }
  if (d.added.length) blocks.push({ kind: "details", summary: `${d.added.length} added`, blocks: [{ kind: "table", columns: ["Symbol", "Module", "Type", "Namespace"], rows: d.added.map(row) }] });
  return blocks;
}
function section(baseline, d) {
  const plain3 = (e) => ({ symbol: e.symbol, module: e.module, gplOnly: e.gplOnly, namespace: e.namespace, crc: e.crc });
  return {
    baseline,
    added: d ? d.added.map(plain3) : [],
    removed: d ? d.removed.map(plain3) : [],
    changed: d ? d.changed.map((c) => ({
      symbol: c.symbol,
      module: c.after.module,
      fields: c.fields,
      before: plain3(c.before),
      after: plain3(c.after)
    })) : [],
    modules: d ? countsPerModule(d) : []
  };
}

// src/checks/inventory.ts
var inventoryCheck = {
  id: "inventory",
  title: "Build inventory",
  async run({ build }) {
    const l = build.layout;
    const info = build.info;
    const findings = [];
    const modules = l.modules.length ? await build.modules() : [];
    for (const m of modules) {
      if (m.error) findings.push({ severity: "error", code: "module-unreadable", message: m.error, module: m.name, file: m.relPath });
    }
    for (const message of l.refused ?? []) findings.push({ severity: "error", code: "path-refused", message });
    if (l.systemMapPlaceholder) {
      findings.push({
        severity: "notice",
        code: "system-map-placeholder",
        message: "System.map is a packaging placeholder; install the -dbg package or pass --system-map for symbol checks",
        file: l.systemMap ? build.rel(l.systemMap) : void 0
      });
    }
    const found = [];
    if (l.vmlinux) found.push("vmlinux");
    if (l.bootImage) found.push("boot image");
    if (l.systemMap && !l.systemMapPlaceholder) found.push("System.map");
    if (l.symvers) found.push(l.symversKind ?? "Module.symvers");
    if (l.config) found.push(".config");
    if (l.passes.length) found.push(`${l.passes.length} link-pass map${l.passes.length === 1 ? "" : "s"}`);
    const compressed = new Set(l.modules.map((m) => m.compression).filter((c) => c !== "none"));
    found.push(`${l.modules.length.toLocaleString("en-US")} module${l.modules.length === 1 ? "" : "s"}${compressed.size ? ` (${[...compressed].join(", ")})` : ""}`);
    const who = [info.release ? `Linux ${info.release}` : "Linux (release unknown)", info.arch ?? "arch unknown"].join(" ");
    const summary = `${who}, ${l.kind} layout: ${found.join(", ")}`;
    const rows = [];
    const artifact = (name, path2) => rows.push([name, path2 ? { code: build.rel(path2) } : "not found"]);
    artifact("vmlinux", l.vmlinux);
    artifact("boot image", l.bootImage);
    artifact("System.map", l.systemMap);
    artifact(l.symversKind ?? "Module.symvers", l.symvers);
    artifact(".config", l.config);
    artifact("modules.order", l.modulesOrder);
    artifact("modules.builtin", l.modulesBuiltin);
    artifact("modules.builtin.ranges", l.modulesBuiltinRanges);
    artifact("BTF base", l.btfBase);
    for (const p of l.passes) {
      rows.push([`link pass ${p.pass}`, { code: [p.syms, p.elf].filter(Boolean).map((x) => build.rel(x)).join(", ") || "(object only)" }]);
    }
    const config = Object.entries(info.config).map(([k, v]) => [{ code: `CONFIG_${k}` }, { code: v }]);
    const blocks = [
      {
        kind: "details",
        summary: "Artifacts and configuration",
        blocks: [
          { kind: "table", columns: ["Artifact", "Path"], rows },
          ...config.length ? [{ kind: "table", columns: ["Option", "Value"], rows: config }] : [],
          ...l.notes.length ? [{ kind: "list", items: l.notes }] : []
        ]
      }
    ];
    return { summary, findings, blocks };
  }
};

// src/kallsyms/load-passes.ts
var import_node_fs13 = __toESM(require_node_fs(), 1);
var import_node_path7 = __toESM(require_node_path(), 1);

// src/kallsyms/derive-syms.ts
function deriveSyms(elf, filter) {
  const width = elf.is64 ? 16 : 8;
  const rows = [];
  for (const sym of elf.symbols()) {
    if (!nmListed(sym)) continue;
    rows.push({ addr: nmValue(elf, sym), type: nmTypeLetter(elf, sym), name: sym.name });
  }
  rows.sort(nmNumericOrder);
  const drop = filter.dropsKallsymsObjectSymbols ? new Set(KALLSYMS_TABLE_SYMBOLS) : null;
  return rows.filter((s) => (!drop || !drop.has(s.name)) && keepsLine(filter, `${s.addr.toString(16).padStart(width, "0")} ${s.type} ${s.name}`));
}
function nmNumericOrder(a, b) {
  const au = a.type === "U" || a.type === "w" || a.type === "v";
  const bu = b.type === "U" || b.type === "w" || b.type === "v";
  if (au !== bu) return au ? -1 : 1;
  if (!au && a.addr !== b.addr) return a.addr < b.addr ? -1 : 1;
  if (a.name === b.name) return 0;
  if (a.name === "") return -1;
  if (b.name === "") return 1;
  return a.name < b.name ? -1 : 1;
}

// src/kallsyms/load-passes.ts
var MAX_SCRIPT_BYTES = 1 << 20;
function mksysmapFilterOf(build) {
  return build.memo("kallsyms:mksysmap", () => {
    const src = build.layout.sourceDir;
    const script = src ? (0, import_node_path7.join)(src, "scripts/mksysmap") : null;
    const st = script ? (0, import_node_fs13.statSync)(script, { throwIfNoEntry: false }) : void 0;
    if (script && st?.isFile() && st.size <= MAX_SCRIPT_BYTES) {
      try {
        return parseMksysmapScript((0, import_node_fs13.readFileSync)(script, "utf8"), build.rel(script));
      } catch {
      }
    }
    return builtinMksysmap(build.info.version);
  });
}
function mtimeOf(path2) {
  if (!path2) return null;
  const st = (0, import_node_fs13.statSync)(path2, { throwIfNoEntry: false });
  return st ? st.mtimeMs : null;
}
function objectSymbols(path2, file) {
  const elf = ElfFile.open(new FileSource(path2, file));
  try {
    return elf.symbols().filter(nmListed).map((s) => ({ v: nmValue(elf, s), t: nmTypeLetter(elf, s), n: s.name })).sort((a, b) => a.v < b.v ? -1 : a.v > b.v ? 1 : a.n < b.n ? -1 : a.n > b.n ? 1 : 0).map((s) => `${s.v.toString(16)} ${s.t} ${s.n}`).join("\n");
  } finally {
    elf.close();
  }
}
function deriveFromElf(build, path2, filter) {
  const elf = ElfFile.open(new FileSource(path2, build.rel(path2)));
  try {
    return deriveSyms(elf, filter);
  } finally {
    elf.close();
  }
}
function loadPasses(build) {
  return build.memo("kallsyms:passes", () => {
    const filter = mksysmapFilterOf(build);
    let systemMap = null;
    let systemMapText = null;
    const smPath = build.layout.systemMap;
    if (smPath && !build.layout.systemMapPlaceholder) {
      systemMapText = build.readText(smPath);
      systemMap = parseSystemMap(systemMapText, build.rel(smPath));
    }
    const ordered = [...build.layout.passes].sort((a, b) => a.pass - b.pass);
    let cut = ordered.length;
    let newest = -Infinity;
    for (let i = 0; i < ordered.length; i++) {
      const p = ordered[i];
      const time = passTime(p);
      if (p.pass >= 2 && time !== null && time < newest) {
        const own = p.syms ? build.readText(p.syms) : null;
        if (own === null || own !== systemMapText) {
          cut = i;
          break;
        }
      }
      if (time !== null && p.pass >= 1) newest = Math.max(newest, time);
    }
    const leftovers = ordered.slice(cut).map((p, i) => ({
      pass: p.pass,
      file: build.rel(p.syms ?? p.elf ?? p.kallsymsObject ?? ""),
      reason: i === 0 ? `older than pass ${ordered[cut - 1]?.pass ?? p.pass - 1}` : `follows leftover pass ${ordered[cut].pass}`
    }));
    const maps = [];
    const rawText = /* @__PURE__ */ new Map();
    const mismatched = [];
    const unreadable = [];
    for (const p of ordered.slice(0, cut)) {
      const map = readPass(build, p, filter, rawText, mismatched, unreadable);
      if (map) maps.push(map);
    }
    const lastTime = ordered.slice(0, cut).filter((p) => p.pass >= 1).map(passTime).at(-1);
    const smTime = mtimeOf(smPath);
    return {
      filter,
      maps,
      rawText,
      leftovers,
      mismatched,
      unreadable,
      systemMap,
      systemMapText,
      systemMapOlderThanPasses: smTime !== null && lastTime != null && smTime < lastTime
    };
  });
}
function passTime(p) {
  return mtimeOf(p.syms) ?? mtimeOf(p.elf) ?? mtimeOf(p.kallsymsObject);
}
function readPass(build, p, filter, rawText, mismatched, unreadable) {
  let symbols;
  let file;
  let derived = false;
  if (p.syms) {
    const text = build.readText(p.syms);
    rawText.set(p.pass, text);
    file = build.rel(p.syms);
    symbols = parseSystemMap(text, file).symbols;
    if (p.elf) {
      try {
        const fromElf = deriveFromElf(build, p.elf, filter);
        const diff = compareSymbolLists(fromElf, symbols);
        if (!diff.identical) mismatched.push({ pass: p.pass, syms: file, elf: build.rel(p.elf), diff });
      } catch (err) {
        unreadable.push({ file: build.rel(p.elf), error: describeError(err) });
      }
    }
  } else if (p.elf) {
    file = build.rel(p.elf);
    try {
      symbols = deriveFromElf(build, p.elf, filter);
    } catch (err) {
      unreadable.push({ file, error: describeError(err) });
      return null;
    }
    derived = true;
  } else if (p.pass === 0) {
    return null;
  } else {
    return null;
  }
  let objectBytes = null;
  let objSyms = null;
  if (p.kallsymsObject && p.kallsymsObject.endsWith(".o")) {
    objectBytes = (0, import_node_fs13.statSync)(p.kallsymsObject).size;
    try {
      objSyms = objectSymbols(p.kallsymsObject, build.rel(p.kallsymsObject));
    } catch {
      objSyms = null;
    }
  }
  return { pass: p.pass, file, derived, symbols, objectBytes, objectSymbols: objSyms };
}

// src/kallsyms/pass-analysis.ts
function isKallsymsTableSymbol(name) {
  return KALLSYMS_TABLE_SYMBOLS.includes(name);
}
function isEndMarker(name) {
  if (/^_e[a-z]*$/.test(name) || name === "_end" || name === "__end" || name === "__bss_stop" || name === "__brk_limit") return true;
  if (name.length < 8 || !name.startsWith("__")) return false;
  return name.startsWith("__start_") || name.startsWith("__stop_") || name.startsWith("__end_") || name.endsWith("_start") || name.endsWith("_end");
}
function moverKind(name) {
  return isKallsymsTableSymbol(name) ? "kallsyms-table" : isEndMarker(name) ? "end-marker" : "other";
}
function movement(earlier, later, sections) {
  const diff = compareSymbolLists(earlier, later);
  const groups = { "kallsyms-table": [], "end-marker": [], other: [] };
  const counts2 = { "kallsyms-table": 0, "end-marker": 0, other: 0 };
  const open = /* @__PURE__ */ new Map();
  const sorted = [...diff.moved].sort((a, b) => a.from < b.from ? -1 : a.from > b.from ? 1 : 0);
  for (const m of sorted) {
    const kind = moverKind(m.name);
    counts2[kind]++;
    const section2 = sectionName(m, sections);
    const shift = m.to - m.from;
    const key = `${kind}\0${section2}\0${shift}`;
    const g = open.get(key);
    if (g) {
      g.count++;
      g.last = m.name;
    } else {
      const ng = { section: section2, shift, count: 1, first: m.name, last: m.name };
      open.set(key, ng);
      groups[kind].push(ng);
    }
  }
  for (const k of Object.keys(groups)) groups[k].sort((a, b) => b.count - a.count);
  return {
    diff,
    groups,
    counts: counts2,
    stubs: diff.added.filter((s) => !isKallsymsTableSymbol(s.name)),
    tableSymbolsAdded: diff.added.filter((s) => isKallsymsTableSymbol(s.name))
  };
}
function sectionName(m, sections) {
  return sections?.sectionOf(m.to) ?? `(type ${m.type})`;
}
function passCount(maps) {
  const linked = maps.filter((m) => m.pass >= 1);
  const passes = linked.length === 0 ? 0 : linked[linked.length - 1].pass;
  const p1 = linked.find((m) => m.pass === 1);
  const p2 = linked.find((m) => m.pass === 2);
  if (passes < 2 || !p1 || !p2) return { passes, why: passes < 2 ? "fewer than two link passes were kept" : "the maps of passes 1 and 2 were not both kept", forced: false };
  const sizes = p1.objectBytes !== null && p2.objectBytes !== null ? { a: p1.objectBytes, b: p2.objectBytes } : null;
  const listChange = nameTypeChange(p1.symbols, p2.symbols);
  if (passes === 2) {
    if (sizes) return { passes, why: `the kallsyms object of pass 2 had the size of pass 1's (${fmtBytes(sizes.a)}), so pass 2's addresses were final`, forced: false };
    return { passes, why: `passes 1 and 2 listed the same ${p2.symbols.length.toLocaleString("en-US")} names, so the table kept its size and pass 2's addresses were final`, forced: false };
  }
  if (sizes && sizes.a !== sizes.b) {
    return { passes, why: `the kallsyms object grew from ${fmtBytes(sizes.a)} in pass 1 to ${fmtBytes(sizes.b)} in pass 2${listChange ? ` (${listChange})` : ""}, which shifts the addresses after it`, forced: false };
  }
  if (sizes && p1.objectSymbols !== null && p2.objectSymbols !== null && p1.objectSymbols !== p2.objectSymbols) {
    return { passes, why: `the kallsyms object kept its size (${fmtBytes(sizes.a)}) but the sizes of its tables changed between passes 1 and 2 (6.12's link-vmlinux.sh compares "nm -n" of the objects, not only their size)`, forced: false };
  }
  if (!sizes && listChange) return { passes, why: `pass 2 listed different names than pass 1 (${listChange}), so its kallsyms table changed size`, forced: false };
  return {
    passes,
    why: sizes ? `the kallsyms object had the same size (${fmtBytes(sizes.a)}) and symbols in passes 1 and 2, so pass 3 was forced (KALLSYMS_EXTRA_PASS=1)` : "passes 1 and 2 listed the same names and types, so the table could not change size: pass 3 was forced (KALLSYMS_EXTRA_PASS=1)",
    forced: true
  };
}
function nameTypeChange(a, b) {
  const d = compareSymbolLists(
    a.map((s) => ({ addr: 0n, type: s.type, name: s.name })),
    b.map((s) => ({ addr: 0n, type: s.type, name: s.name }))
  );
  if (d.lost.length + d.added.length + d.retyped.length === 0) return null;
  const parts = [];
  if (d.added.length) parts.push(`+${d.added.length} ${d.added.length === 1 ? "name" : "names"}`);
  if (d.lost.length) parts.push(`-${d.lost.length} ${d.lost.length === 1 ? "name" : "names"}`);
  if (d.retyped.length) parts.push(`${d.retyped.length} retyped`);
  return parts.join(", ");
}
function fmtBytes(n) {
  return `${n.toLocaleString("en-US")} bytes`;
}

// src/kallsyms/sections.ts
var SectionIndex = class _SectionIndex {
  ranges;
  constructor(ranges) {
    this.ranges = [...ranges].sort((a, b) => a.start < b.start ? -1 : a.start > b.start ? 1 : 0);
  }
  static ofElf(elf) {
    return new _SectionIndex(
      elf.sections.filter((s) => (s.flags & SHF_ALLOC) !== 0 && s.size > 0).map((s) => ({ name: s.name, start: s.addr, end: s.addr + BigInt(s.size) }))
    );
  }
  /**
   * The section holding `addr`; an address just past a section's end (a linker-script end
   * marker such as _etext) belongs to that section when no other section starts there.
   */
  sectionOf(addr) {
    let lo = 0;
    let hi = this.ranges.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      if (this.ranges[mid].start <= addr) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = best; i >= 0 && i >= best - 8; i--) {
      const r = this.ranges[i];
      if (addr >= r.start && addr < r.end) return r.name;
    }
    for (let i = best; i >= 0 && i >= best - 8; i--) if (this.ranges[i].end === addr) return this.ranges[i].name;
    return null;
  }
};

// src/kallsyms/review.ts
function sectionsOf(build) {
  try {
    const elf = build.vmlinux(build.layout.vmlinuxUnstripped ? "unstripped" : "vmlinux");
    return elf ? SectionIndex.ofElf(elf) : null;
  } catch {
    return null;
  }
}
function hintsOf(build) {
  const cfg = build.config;
  if (!cfg) return {};
  const v = build.info.version;
  const hints = {};
  if (v && !atLeast(v, 6, 15)) hints.absolutePercpu = cfg.get("KALLSYMS_ABSOLUTE_PERCPU") === "y";
  if (v && atLeast(v, 7, 0)) hints.pcRelative = cfg.get("64BIT") === "y" || cfg.get("RELOCATABLE") === "y";
  return hints;
}
function firstLineDifference(a, b) {
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) if (la[i] !== lb[i]) return i + 1;
  return 0;
}
async function embeddedTable(build) {
  const hints = hintsOf(build);
  const errors = [];
  const image = build.layout.bootImage;
  if (image) {
    const file = build.rel(image);
    try {
      const fromElf = build.layout.vmlinux ? null : await vmlinuxFromImage(build);
      if (fromElf) {
        const found = tablesOfElf(fromElf.elf, hints);
        if (!found) throw new InputError("bad-value", file, "no kallsyms tables found in the image");
        return { table: found.table, source: `${fromElf.what}, by ${found.via}` };
      }
      const e = await readEmbeddedTable(image, file, hints);
      return { table: e.table, source: `${file} (${e.source})` };
    } catch (err) {
      errors.push(describeError(err));
    }
  }
  const vmlinux = build.layout.vmlinux ?? build.layout.vmlinuxUnstripped;
  if (vmlinux) {
    try {
      const elf = build.vmlinux();
      const found = elf ? tablesOfElf(elf, hints) : null;
      const unread = errors.length ? ` (the boot image could not be read: ${errors.join("; ")})` : "";
      if (found) return { table: found.table, source: `${build.rel(vmlinux)}, by ${found.via}${unread}` };
      errors.push(`${build.rel(vmlinux)}: no kallsyms tables found`);
    } catch (err) {
      errors.push(describeError(err));
    }
  }
  return errors.length ? { error: errors.join("; ") } : null;
}
async function reviewKallsyms(build) {
  return build.memo("kallsyms:review", async () => {
    const loaded = loadPasses(build);
    const sections = loaded.maps.length > 0 ? sectionsOf(build) : null;
    const linked = loaded.maps.filter((m) => m.pass >= 1);
    const last = linked.at(-1) ?? null;
    const count2 = passCount(loaded.maps);
    let final = null;
    if (last && loaded.systemMap && !loaded.systemMapOlderThanPasses) {
      const diff = compareSymbolLists(last.symbols, loaded.systemMap.symbols);
      const raw = loaded.rawText.get(last.pass);
      const bytesEqual = raw === void 0 || loaded.systemMapText === null ? null : raw === loaded.systemMapText;
      const firstTextDifference = bytesEqual === false && diff.identical ? firstLineDifference(raw, loaded.systemMapText) : null;
      final = { against: last, diff, bytesEqual, firstTextDifference };
    }
    const first = linked.find((m) => m.pass === 1);
    const finalMap = !first ? void 0 : loaded.systemMap && !loaded.systemMapOlderThanPasses ? loaded.systemMap.symbols : last?.symbols;
    const onePass = first && finalMap ? movement(first.symbols, finalMap, sections) : null;
    const steps = linked.slice(1).map((m, i) => ({ from: linked[i].pass, to: m.pass, movement: movement(linked[i].symbols, m.symbols, sections) }));
    let embedded = null;
    let embeddedError = null;
    const t = await embeddedTable(build);
    if (t && "error" in t) embeddedError = t.error;
    else if (t) {
      const map = loaded.systemMap;
      const verification = map ? verifyTable(t.table, map, optionsForTable(t.table, { version: build.info.version, ...build.config ? { allSymbols: build.config.get("KALLSYMS_ALL") === "y" } : {} })) : null;
      embedded = { source: t.source, table: t.table, verification };
    }
    return { loaded, count: count2, final, onePass, steps, embedded, embeddedError };
  });
}

// src/checks/kallsyms.ts
var PER_SYMBOL = 10;
function hasPassData(build) {
  return build.layout.passes.length > 0 || !!build.layout.systemMap || !!build.layout.bootImage || !!build.layout.vmlinux;
}
function snapshotOf(r) {
  return {
    passes: r.count.passes,
    why: r.count.why,
    forced: r.count.forced,
    systemMapSymbols: r.loaded.systemMap?.count ?? null,
    tableSymbols: r.embedded?.table.count ?? null
  };
}
function diffFindings2(d, severity, prefix, sides, sections) {
  const total = d.moved.length + d.retyped.length + d.added.length + d.lost.length;
  const sec = (a) => {
    const s = sections?.sectionOf(a);
    return s ? ` (${s})` : "";
  };
  const { context, before, after } = sides;
  const base = { severity, ...sides.file ? { file: sides.file } : {} };
  if (total === 0 || total > PER_SYMBOL) return [{ ...base, code: prefix, message: `${context}: ${after} against ${before}: ${diffSummary(d)}` }];
  const out = [];
  for (const m of d.moved) {
    out.push({ ...base, code: `${prefix}-moved`, symbol: m.name, message: `${context}: ${m.name} is at ${hex(m.from)} in ${before} but at ${hex(m.to)}${sec(m.to)} in ${after}` });
  }
  for (const r of d.retyped) {
    out.push({ ...base, code: `${prefix}-retyped`, symbol: r.name, message: `${context}: ${r.name} has type ${r.from} in ${before} but ${r.to} in ${after} (${hex(r.addr)})` });
  }
  for (const s of d.added) {
    out.push({ ...base, code: `${prefix}-added`, symbol: s.name, message: `${context}: ${s.name} (${s.type} ${hex(s.addr)}${sec(s.addr)}) is in ${after} but not in ${before}` });
  }
  for (const s of d.lost) {
    out.push({ ...base, code: `${prefix}-lost`, symbol: s.name, message: `${context}: ${s.name} (${s.type} ${hex(s.addr)}${sec(s.addr)}) is in ${before} but not in ${after}` });
  }
  return out;
}
var kallsymsCheck = {
  id: "kallsyms",
  title: "kallsyms",
  // Reads link passes, System.map, vmlinux and the boot image: runs in a module worker when it can.
  moduleFree: true,
  async snapshot(build) {
    if (!hasPassData(build)) return null;
    return snapshotOf(await reviewKallsyms(build));
  },
  async run({ build, baseline }) {
    if (!hasPassData(build)) return { status: "skip", summary: "no link passes, System.map or kernel image to check", findings: [] };
    const r = await reviewKallsyms(build);
    const sections = sectionsOf(build);
    const findings = [];
    const blocks = [];
    const { loaded, count: pc, final, embedded } = r;
    const last = loaded.maps.filter((m) => m.pass >= 1).at(-1);
    for (const l of loaded.leftovers) {
      findings.push({ severity: "notice", code: "kallsyms-leftover-pass", file: l.file, message: `${l.file} is ${l.reason}: a leftover of an earlier build, not part of this link (ignored)` });
    }
    for (const u of loaded.unreadable) {
      findings.push({ severity: "warning", code: "kallsyms-pass-unreadable", file: u.file, message: `${u.file} could not be read, so its pass is checked from its .syms alone: ${u.error}` });
    }
    for (const m of loaded.mismatched) {
      for (const x of diffFindings2(m.diff, "warning", "kallsyms-stale-syms", { context: `stale ${m.syms}`, before: `mksysmap of ${m.elf}`, after: m.syms, file: m.syms }, sections)) findings.push(x);
      blocks.push({ kind: "paragraph", text: [{ strong: `${m.syms} is stale` }, `: it does not describe ${m.elf} (${diffSummary(m.diff)}; compared with ${loaded.filter.origin}).`] });
      for (const x of diffTable(m.diff, { before: `mksysmap of ${m.elf}`, after: m.syms }, sections)) blocks.push(x);
    }
    if (loaded.systemMapOlderThanPasses && loaded.systemMap) {
      findings.push({ severity: "warning", code: "kallsyms-stale-system-map", file: loaded.systemMap.file, message: `${loaded.systemMap.file} is older than the link passes: the last link stopped before writing it, so it is not compared` });
    }
    let consistency = "";
    if (final) {
      const lastFile = final.against.file;
      const sm = loaded.systemMap.file;
      if (!final.diff.identical) {
        const context = "Inconsistent kallsyms data (link-vmlinux.sh compares System.map with the map the tables were built from)";
        for (const x of diffFindings2(final.diff, "error", "kallsyms-inconsistent", { context, before: lastFile, after: sm, file: sm }, sections)) findings.push(x);
        blocks.push({ kind: "paragraph", text: [{ strong: "Inconsistent kallsyms data" }, `: ${sm} against ${lastFile}: ${diffSummary(final.diff)}.`] });
        const twin = loaded.maps.find((m) => m.pass >= 1 && m !== final.against && compareSymbolLists(m.symbols, loaded.systemMap.symbols).identical);
        if (twin) {
          blocks.push({
            kind: "paragraph",
            text: `${sm} is identical to the map of pass ${twin.pass}: the layout alternates between passes (each pass's table moves what the next one lists), or the files of the later passes are left over from another build.`
          });
        }
        for (const x of diffTable(final.diff, { before: lastFile, after: sm }, sections)) blocks.push(x);
        consistency = `System.map differs from pass ${final.against.pass}`;
      } else if (final.bytesEqual === false) {
        findings.push({ severity: "error", code: "kallsyms-inconsistent", file: sm, message: `${sm} and ${lastFile} list the same symbols but differ in bytes from line ${final.firstTextDifference} (cmp fails: "Inconsistent kallsyms data")` });
        consistency = `System.map differs in bytes from pass ${final.against.pass}`;
      } else {
        consistency = `System.map matches pass ${final.against.pass}${final.against.derived ? " (derived from its ELF)" : ""}`;
      }
    }
    const data = baseline?.data ?? null;
    const base = data && Number.isSafeInteger(data.passes) && data.passes >= 0 && typeof data.why === "string" ? data : null;
    if (data && !base) findings.push({ severity: "notice", code: "kallsyms-baseline-unusable", message: `the baseline's kallsyms data (${baseline.label}) is malformed and was not compared` });
    let passText = pc.passes ? `${count(pc.passes, "link pass", "link passes")}` : "";
    if (pc.forced) findings.push({ severity: "notice", code: "kallsyms-extra-pass-forced", message: `pass 3 ran though nothing required it: ${pc.why}` });
    if (base && base.passes > 0 && pc.passes > base.passes) {
      findings.push({ severity: "warning", code: "kallsyms-pass-count-increased", message: `the link now needs ${pc.passes} passes instead of ${base.passes} (${baseline.label}): ${pc.why}` });
      passText += ` (was ${base.passes})`;
    } else if (base && base.passes > 0 && pc.passes < base.passes) passText += ` (was ${base.passes})`;
    const detailed = findings.some((f) => f.severity !== "notice") || base !== null && pc.passes !== base.passes && base.passes > 0;
    if (detailed && pc.passes) {
      blocks.push({ kind: "paragraph", text: `${count(pc.passes, "link pass", "link passes")}: ${pc.why}.` });
      if (r.onePass && !r.onePass.diff.identical) {
        blocks.push({ kind: "paragraph", text: `One pass would not have been enough: against pass 1, ${movementSummary(r.onePass)}.` });
        for (const x of movementBlocks(r.onePass, "symbols moved after pass 1, by section and shift")) blocks.push(x);
      }
      for (const s of r.steps) {
        if (s.movement.stubs.length && !(s.from === 1 && r.onePass)) for (const x of movementBlocks(s.movement, `pass ${s.from} \u2192 ${s.to}`)) blocks.push(x);
      }
    }
    let tableText2 = "";
    if (embedded) {
      const t = embedded.table;
      for (const issue of t.issues) {
        findings.push({ severity: "error", code: `kallsyms-table-${issue.code}`, message: `${embedded.source}: ${issue.message}` });
      }
      const v = embedded.verification;
      if (v && !v.diff.identical) {
        const context = `the kallsyms table of ${embedded.source} disagrees with System.map`;
        for (const x of diffFindings2(v.diff, "error", "kallsyms-table-mismatch", { context, before: "System.map", after: "the table" }, sections)) findings.push(x);
        blocks.push({ kind: "paragraph", text: [{ strong: "Embedded table differs from System.map" }, ` (${embedded.source}): ${diffSummary(v.diff)}.`] });
        for (const x of diffTable(v.diff, { before: "System.map", after: "embedded table" }, sections)) blocks.push(x);
        tableText2 = "embedded table differs from System.map";
      } else if (v) {
        tableText2 = t.issues.length ? "embedded table matches System.map but is internally inconsistent" : "embedded table matches System.map";
      } else tableText2 = `embedded table decoded (${count(t.count, "symbol")}; no System.map to compare)`;
    } else if (r.embeddedError) {
      findings.push({ severity: "warning", code: "kallsyms-table-unreadable", message: `the kallsyms table could not be decoded: ${r.embeddedError}` });
    }
    const symbols = loaded.systemMap?.count ?? last?.symbols.length ?? embedded?.table.count;
    const parts = [passText, symbols !== void 0 ? count(symbols, "symbol") : "", consistency, tableText2].filter(Boolean);
    const summary = parts.join(", ") || "nothing to check";
    return { summary, findings, blocks, report: { kallsyms: reportSection(r) } };
  }
};
function reportSection(r) {
  const diffJson = (d) => ({
    identical: d.identical,
    moved: d.moved.map((m) => ({ name: m.name, type: m.type, from: hex(m.from), to: hex(m.to) })),
    retyped: d.retyped.map((m) => ({ name: m.name, address: hex(m.addr), from: m.from, to: m.to })),
    added: d.added.map((s) => ({ name: s.name, type: s.type, address: hex(s.addr) })),
    lost: d.lost.map((s) => ({ name: s.name, type: s.type, address: hex(s.addr) })),
    firstOrderDifference: d.firstOrderDifference
  });
  return {
    passes: r.count.passes,
    why: r.count.why,
    forced: r.count.forced,
    mksysmap: r.loaded.filter.origin,
    passMaps: r.loaded.maps.map((m) => ({ pass: m.pass, file: m.file, derived: m.derived, symbols: m.symbols.length, kallsymsObjectBytes: m.objectBytes })),
    leftovers: r.loaded.leftovers,
    staleSyms: r.loaded.mismatched.map((m) => ({ pass: m.pass, syms: m.syms, elf: m.elf, diff: diffJson(m.diff) })),
    final: r.final ? { against: r.final.against.file, bytesEqual: r.final.bytesEqual, diff: diffJson(r.final.diff) } : null,
    onePass: r.onePass ? { identical: r.onePass.diff.identical, counts: r.onePass.counts, groups: mapGroups(r.onePass.groups), stubs: r.onePass.stubs.map((s) => s.name) } : null,
    embedded: r.embedded ? {
      source: r.embedded.source,
      mode: r.embedded.table.layout.mode,
      foundBy: r.embedded.table.layout.foundBy,
      symbols: r.embedded.table.count,
      issues: r.embedded.table.issues,
      droppedByDesign: r.embedded.verification?.dropped ?? null,
      diff: r.embedded.verification ? diffJson(r.embedded.verification.diff) : null
    } : null,
    embeddedError: r.embeddedError
  };
}
function mapGroups(groups) {
  return Object.fromEntries(Object.entries(groups).map(([k, gs]) => [k, gs.map((g) => ({ ...g, shift: (g.shift < 0n ? "-0x" : "+0x") + (g.shift < 0n ? -g.shift : g.shift).toString(16) }))]));
}

// src/sizes/budget.ts
var SCOPES = ["total", "vmlinux", "module"];
var UNITS = { "": 1, b: 1, k: 1024, kib: 1024, m: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gib: 1024 ** 3 };
var LIMIT = /^\+?(\d+(?:\.\d+)?)\s*(%|[a-z]*)$/i;
function parseSizeBudget(text, source = "size-budget") {
  const out = {};
  for (const raw of text.split(",")) {
    const part = raw.trim();
    if (!part) continue;
    const eq = part.indexOf("=");
    const scope = eq < 0 ? "" : part.slice(0, eq).trim().toLowerCase();
    if (!SCOPES.includes(scope)) {
      throw new InputError("bad-value", source, `"${part}": expected <scope>=<limit> with scope ${SCOPES.join(", ")} (e.g. "total=+1%,module=+64KiB")`);
    }
    if (out[scope]) throw new InputError("bad-value", source, `"${scope}" is given twice`);
    const value = part.slice(eq + 1).trim();
    const m = LIMIT.exec(value);
    if (!m) throw new InputError("bad-value", source, `"${part}": the limit must be bytes (64KiB, 1M, 4096) or a percent (+1%)`);
    const n = Number(m[1]);
    const unit = m[2].toLowerCase();
    if (unit === "%") {
      out[scope] = { percent: n };
      continue;
    }
    const mult = UNITS[unit];
    if (mult === void 0) {
      const hint = unit === "kb" || unit === "mb" || unit === "gb" ? ` (ambiguous: write ${unit[0].toUpperCase()}iB for powers of 1024)` : "";
      throw new InputError("bad-value", source, `"${part}": unknown unit "${m[2]}"${hint}`);
    }
    const bytes2 = n * mult;
    if (!Number.isSafeInteger(Math.round(bytes2))) throw new InputError("bad-value", source, `"${part}": limit too large`);
    out[scope] = { bytes: Math.round(bytes2) };
  }
  return out;
}
function overBudget(limit, before, after) {
  const growth = after - before;
  if (growth <= 0) return false;
  if ("bytes" in limit) return growth > limit.bytes;
  return before === 0 || growth * 100 / before > limit.percent;
}
function describeLimit(limit) {
  return "bytes" in limit ? `+${limit.bytes.toLocaleString("en-US")} bytes` : `+${limit.percent}%`;
}

// src/sizes/bloat.ts
var Tally = class {
  add = 0;
  remove = 0;
  grow = 0;
  shrink = 0;
  up = 0;
  down = 0;
  oldTotal = 0;
  newTotal = 0;
  rows = [];
  removed(name, size) {
    this.oldTotal += size;
    this.remove++;
    this.down += size;
    this.rows.push({ name, old: size, new: void 0, delta: -size });
  }
  added(name, size) {
    this.newTotal += size;
    this.add++;
    this.up += size;
    this.rows.push({ name, old: void 0, new: size, delta: size });
  }
  /** A name on both sides with the same size: counted in the totals only. */
  same(size) {
    this.oldTotal += size;
    this.newTotal += size;
  }
  both(name, size, n) {
    this.oldTotal += size;
    this.newTotal += n;
    const d = n - size;
    if (d === 0) return;
    if (d > 0) {
      this.grow++;
      this.up += d;
    } else {
      this.shrink++;
      this.down -= d;
    }
    this.rows.push({ name, old: size, new: n, delta: d });
  }
  result() {
    const { add, remove, grow, shrink, up, down, rows, oldTotal, newTotal } = this;
    rows.sort((a, b) => b.delta - a.delta || compareCodePoints(b.name, a.name));
    return { add, remove, grow, shrink, up, down, rows, oldTotal, newTotal };
  }
};
function compareSizes(old, cur) {
  const t = new Tally();
  for (const [name, size] of old) {
    const n = cur.get(name);
    if (n === void 0) t.removed(name, size);
    else t.both(name, size, n);
  }
  for (const [name, size] of cur) if (!old.has(name)) t.added(name, size);
  return t.result();
}
function compareSortedPacked(old, cur) {
  const t = new Tally();
  let o = old.next();
  let c = cur.next();
  while (o || c) {
    if (!old.ascending || !cur.ascending) return null;
    const order = !c ? -1 : !o ? 1 : old.compare(cur);
    if (order < 0) {
      t.removed(old.name(), old.size);
      o = old.next();
    } else if (order > 0) {
      t.added(cur.name(), cur.size);
      c = cur.next();
    } else {
      if (old.size === cur.size) t.same(old.size);
      else t.both(old.name(), old.size, cur.size);
      o = old.next();
      c = cur.next();
    }
  }
  return t.result();
}
function compareWithTable(oldNames, oldSizes, cur) {
  const t = new Tally();
  const matched = new Uint8Array(cur.names.length);
  const { positions, names: names2, sizes } = cur;
  for (let i = 0; i < oldNames.length; i++) {
    const name = oldNames[i];
    const j = positions.get(name);
    if (j === void 0) {
      t.removed(name, oldSizes[i]);
    } else {
      matched[j] = 1;
      t.both(name, oldSizes[i], sizes[j]);
    }
  }
  for (let j = 0; j < names2.length; j++) if (!matched[j]) t.added(names2[j], sizes[j]);
  return t.result();
}
function compareWithByteTable(old, cur) {
  const t = new Tally();
  const matched = new Uint8Array(cur.count);
  while (old.next()) {
    if (!old.ascending) return null;
    const j = cur.find(old.units, old.length);
    if (j < 0) {
      t.removed(old.name(), old.size);
      continue;
    }
    matched[j] = 1;
    const n = cur.sizeAt(j);
    if (n === old.size) t.same(n);
    else t.both(old.name(), old.size, n);
  }
  for (let j = 0; j < cur.count; j++) if (!matched[j]) t.added(cur.nameAt(j), cur.sizeAt(j));
  return t.result();
}
function compareCodePoints(a, b) {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i);
    const y = b.codePointAt(i);
    if (x !== y) return x < y ? -1 : 1;
    if (x > 65535) i++;
  }
  return a.length - b.length;
}
function bloatHeader(r) {
  return `add/remove: ${r.add}/${r.remove} grow/shrink: ${r.grow}/${r.shrink} up/down: ${r.up}/${-r.down || 0} (${r.up - r.down})`;
}
function bloatTotal(r) {
  const percent2 = r.oldTotal ? (r.newTotal - r.oldTotal) * 100 / r.oldTotal : 0;
  return `Total: Before=${r.oldTotal}, After=${r.newTotal}, chg ${pyFixed(percent2, 2, true)}%`;
}
function pyFixed(x, digits, sign = false) {
  let s = x.toFixed(digits);
  if (Number.isFinite(x) && Math.abs(x) < 1e21) {
    const exact = Math.abs(x).toFixed(100);
    const cut = exact.indexOf(".") + 1 + digits;
    if (/^50*$/.test(exact.slice(cut))) {
      const kept = exact.slice(0, cut).replace(/\.$/, "");
      if (Number(kept.at(-1)) % 2 === 0) s = (x < 0 ? "-" : "") + kept;
    }
  }
  return sign && !s.startsWith("-") ? `+${s}` : s;
}

// src/sizes/vmlinux-classes.ts
var VMLINUX_CLASSES = ["text", "rodata", "data", "bss", "init", "percpu", "kallsyms", "btf", "orc", "ksymtab"];
var VMLINUX_LABELS = {
  text: "text",
  rodata: "rodata",
  data: "data",
  bss: "bss",
  init: "init",
  percpu: "percpu",
  kallsyms: "kallsyms tables",
  btf: "BTF",
  orc: "ORC unwind tables",
  ksymtab: "export tables"
};
var TABLE_SECTIONS = {
  ".BTF": "btf",
  ".BTF_ids": "btf",
  ".orc_header": "orc",
  ".orc_unwind_ip": "orc",
  ".orc_unwind": "orc",
  ".orc_lookup": "orc",
  __ksymtab: "ksymtab",
  __ksymtab_gpl: "ksymtab",
  __kcrctab: "ksymtab",
  __kcrctab_gpl: "ksymtab",
  __ksymtab_strings: "ksymtab",
  // 7.x: one byte of flags per export (include/linux/module_symbol.h)
  __kflagstab: "ksymtab"
};
var REGION_SYMBOLS = [
  ["init", "__init_begin", "__init_end"],
  ["rodata", "__start_rodata", "__end_rodata"],
  ["bss", "__bss_start", "__bss_stop"]
];
function vmlinuxRegions(symbols) {
  const wanted = new Set(REGION_SYMBOLS.flatMap(([, a, b]) => [a, b]));
  const at = /* @__PURE__ */ new Map();
  for (const s of symbols) if (wanted.has(s.name) && !at.has(s.name)) at.set(s.name, s.value);
  const out = {};
  for (const [key, a, b] of REGION_SYMBOLS) {
    const start = at.get(a);
    const end = at.get(b);
    if (start !== void 0 && end !== void 0 && end >= start) out[key] = { start, end };
  }
  return out;
}
function inside2(sec, r) {
  if (!r || sec.addr === 0n) return false;
  return sec.addr >= r.start && sec.addr + BigInt(sec.size) <= r.end && (sec.size > 0 || sec.addr < r.end);
}
function vmlinuxSectionClass(sec, regions) {
  if ((sec.flags & SHF_ALLOC) === 0 || sec.index === 0) return null;
  const table = TABLE_SECTIONS[sec.name];
  if (table) return table;
  if (sec.name === ".data..percpu") return "percpu";
  if (sec.name.startsWith(".init") || inside2(sec, regions.init)) return "init";
  if (sec.flags & SHF_EXECINSTR) return "text";
  if (sec.type === SHT_NOBITS || inside2(sec, regions.bss)) return "bss";
  if (inside2(sec, regions.rodata) || (sec.flags & SHF_WRITE) === 0 || !regions.rodata && sec.name === ".rodata") return "rodata";
  return "data";
}
function builtinClassOf(sec, regions) {
  const c = vmlinuxSectionClass(sec, regions);
  switch (c) {
    case null:
      return null;
    case "text":
    case "data":
    case "bss":
    case "percpu":
      return c;
    case "init":
      return sec.flags & SHF_EXECINSTR ? "initText" : sec.flags & SHF_WRITE ? "initData" : "initRodata";
    default:
      return "rodata";
  }
}
var KALLSYMS_LABELS = [
  "kallsyms_num_syms",
  "kallsyms_names",
  "kallsyms_markers",
  "kallsyms_token_table",
  "kallsyms_token_index",
  "kallsyms_offsets",
  "kallsyms_addresses",
  "kallsyms_relative_base",
  "kallsyms_seqs_of_names"
];
function kallsymsExtent(elf, symbols) {
  if (!Array.isArray(symbols)) {
    const source = symbols;
    return kallsymsExtentOf(elf, source.named, source.all);
  }
  return kallsymsExtentOf(elf, symbols, () => symbols);
}
var VMLINUX_LABEL_SYMBOLS = [...REGION_SYMBOLS.flatMap(([, a, b]) => [a, b]), ...KALLSYMS_LABELS];
function symbolSource(elf) {
  let all;
  return { named: elf.symbolsNamed(VMLINUX_LABEL_SYMBOLS), all: () => all ??= elf.symbols() };
}
function kallsymsExtentOf(elf, symbols, allSymbols) {
  const labels = /* @__PURE__ */ new Map();
  for (const s of symbols) if (KALLSYMS_LABELS.includes(s.name) && !s.reserved && s.shndx !== 0 && !labels.has(s.name)) labels.set(s.name, s);
  if (labels.size === 0) return null;
  const sorted = [...labels.values()].sort((a, b) => a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  const first = sorted[0];
  const last = sorted.at(-1);
  const sec = elf.sections[first.shndx];
  if (!sec || sorted.some((s) => s.shndx !== first.shndx)) return null;
  const secEnd = sec.addr + BigInt(sec.size);
  const ptr = elf.is64 ? 8 : 4;
  const num = readU32At(elf, sec, labels.get("kallsyms_num_syms")?.value);
  const fixed = { kallsyms_seqs_of_names: 3, kallsyms_offsets: 4, kallsyms_addresses: ptr };
  let end;
  if (num !== void 0 && fixed[last.name]) end = last.value + BigInt(num * fixed[last.name]);
  else if (last.name === "kallsyms_relative_base") end = last.value + BigInt(ptr);
  else if (last.name === "kallsyms_token_index") end = last.value + 512n;
  if (end === void 0) {
    end = secEnd;
    for (const s of allSymbols()) if (s.shndx === first.shndx && !s.reserved && s.value > last.value && s.value < end) end = s.value;
  }
  if (end > secEnd) end = secEnd;
  return { section: first.shndx, start: first.value, end };
}
function readU32At(elf, sec, addr) {
  if (addr === void 0 || sec.type === SHT_NOBITS || addr < sec.addr || addr + 4n > sec.addr + BigInt(sec.size)) return void 0;
  const bytes2 = elf.source.read(sec.offset + Number(addr - sec.addr), 4, "kallsyms_num_syms");
  return new DataView(bytes2.buffer, bytes2.byteOffset, 4).getUint32(0, elf.littleEndian);
}
function vmlinuxClassSizes(elf, symbols) {
  const regions = vmlinuxRegions(Array.isArray(symbols) ? symbols : symbols.named);
  const classes = VMLINUX_CLASSES.map(() => 0);
  const sections = [];
  const ks = kallsymsExtent(elf, symbols);
  for (const sec of elf.sections) {
    const c = vmlinuxSectionClass(sec, regions);
    if (!c) continue;
    let size = sec.size;
    if (ks && ks.section === sec.index) {
      const k = Number(ks.end - ks.start);
      classes[VMLINUX_CLASSES.indexOf("kallsyms")] += k;
      size -= k;
    }
    classes[VMLINUX_CLASSES.indexOf(c)] += size;
    sections.push({ name: sec.name, class: c, size });
  }
  return { classes, sections };
}

// src/sizes/builtin-attribution.ts
function attributeBuiltins(elf, symbols, sized, ranges) {
  const regions = vmlinuxRegions(symbols);
  const modules = /* @__PURE__ */ new Map();
  const problems = [];
  const get = (name) => {
    let m = modules.get(name);
    if (!m) modules.set(name, m = { classes: MODULE_CLASSES.map(() => 0), symbols: emptyCategorySizes() });
    return m;
  };
  const spans = [];
  const missing = /* @__PURE__ */ new Set();
  for (const r of ranges.ranges) {
    const sec = elf.section(r.section);
    if (!sec) {
      if (!missing.has(r.section)) problems.push(`section ${r.section} is not in vmlinux`);
      missing.add(r.section);
      continue;
    }
    let end = r.end;
    if (end > sec.size) {
      problems.push(`${r.section} ${hex8(r.start)}-${hex8(r.end)} (${r.modules.join(" ")}) runs past the section's end (0x${sec.size.toString(16)})`);
      end = Math.max(r.start, sec.size);
    }
    const cls = builtinClassOf(sec, regions);
    for (const name of r.modules) {
      const m = get(name);
      if (cls) m.classes[MODULE_CLASSES.indexOf(cls)] += end - r.start;
    }
    if (end > r.start) spans.push({ start: sec.addr + BigInt(r.start), end: sec.addr + BigInt(end), shndx: sec.index, modules: r.modules });
  }
  for (const a of ranges.anchors) {
    const sec = elf.section(a.section);
    if (!sec) continue;
    const sym = symbols.find((s) => s.name === a.symbol && !s.reserved && s.shndx === sec.index);
    if (!sym) problems.push(`anchor ${a.symbol} of ${a.section} is not a symbol of that section`);
    else if (sym.value - sec.addr !== BigInt(a.offset)) {
      problems.push(`anchor ${a.symbol} is at ${a.section}+0x${(sym.value - sec.addr).toString(16)}, the ranges say +0x${a.offset.toString(16)}`);
    }
  }
  spans.sort((a, b) => a.start < b.start ? -1 : a.start > b.start ? 1 : 0);
  const owned = /* @__PURE__ */ new Map();
  for (const s of sized) {
    const span = findSpan(spans, s.value);
    if (!span || span.shndx !== s.shndx) continue;
    for (const name of span.modules) {
      let list = owned.get(name);
      if (!list) owned.set(name, list = []);
      list.push(s);
    }
  }
  for (const [name, list] of owned) addSizes(get(name).symbols, list);
  return { modules, problems };
}
function findSpan(spans, addr) {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const s = spans[mid];
    if (addr < s.start) hi = mid - 1;
    else if (addr >= s.end) lo = mid + 1;
    else return s;
  }
  return void 0;
}
function hex8(n) {
  return n.toString(16).padStart(8, "0");
}

// src/sizes/builtin-ranges.ts
var LINE = /^(\S+) ([0-9a-fA-F]+)-([0-9a-fA-F]+) (.+)$/;
function parseBuiltinRanges(text, file) {
  const ranges = [];
  const anchors = [];
  let lineNo = 0;
  for (const raw of text.split("\n")) {
    lineNo++;
    const line = raw.trimEnd();
    if (line === "") continue;
    const m = LINE.exec(line);
    if (!m) throw new InputError("bad-value", file, `line ${lineNo}: expected "<section> <start>-<end> <module...>", got "${clip(line)}"`);
    const start = hex2(m[2], file, lineNo);
    const end = hex2(m[3], file, lineNo);
    if (end < start) throw new InputError("bad-value", file, `line ${lineNo}: range end 0x${m[3]} is before its start 0x${m[2]}`);
    const rest = m[4].trim().split(/\s+/);
    if (rest[0] === "=") {
      if (rest.length !== 2) throw new InputError("bad-value", file, `line ${lineNo}: an anchor names one symbol, got "${clip(line)}"`);
      anchors.push({ section: m[1], offset: start, symbol: rest[1] });
    } else {
      ranges.push({ section: m[1], start, end, modules: rest });
    }
  }
  return { ranges, anchors };
}
function hex2(s, file, lineNo) {
  if (s.length > 12) throw new InputError("bad-value", file, `line ${lineNo}: offset 0x${s} is too large`);
  return parseInt(s, 16);
}
function clip(s) {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
function parseModulesBuiltin(text) {
  const out = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const base = line.slice(line.lastIndexOf("/") + 1).replace(/\.ko$/, "");
    if (base) out.push(base.replace(/-/g, "_"));
  }
  return out;
}

// src/sizes/snapshot.ts
var sourcesOf = /* @__PURE__ */ new WeakMap();
async function withSizeTables(build, current, base) {
  const files = sourcesOf.get(current);
  if (!files) return current;
  const wanted = [];
  for (const [name, e] of Object.entries(current.modules)) {
    const b = base.modules[name];
    if (e.kind !== "m" || e.symbols || !b?.symbols) continue;
    if (b.kind === e.kind && sameClasses(b.classes, e.classes)) continue;
    const file = files.get(name);
    if (file) wanted.push([name, file]);
  }
  if (!wanted.length) return current;
  const summaries = await build.analyzeAgain(
    wanted.map((w) => w[1]),
    [sizeTablesAnalyzer.id]
  );
  const modules = { ...current.modules };
  summaries.forEach((s, i) => {
    const tables = factOf(s, sizeTablesAnalyzer);
    const name = wanted[i][0];
    if (tables) modules[name] = { ...modules[name], symbols: packedFromWorker(tables) };
  });
  const out = { ...current, modules };
  sourcesOf.set(out, files);
  return out;
}
function sizeTablesHints(base) {
  const out = /* @__PURE__ */ new Map();
  for (const [name, e] of Object.entries(base.modules)) {
    if (!e.symbols) continue;
    if (e.kind === "y") out.set(name, "read");
    else if (e.classes) out.set(name, e.classes);
  }
  return out;
}
function sameClasses(a, b) {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
function vmlinuxSymbols(build) {
  const elf = build.vmlinux();
  if (!elf) return null;
  return build.memo("vmlinux:symtab", () => elf.symbols());
}
async function takeSizesSnapshot(build) {
  const fixed = vmlinuxSizes(build);
  const snap = { ...fixed, modules: { ...fixed.modules }, problems: [...fixed.problems] };
  const layout2 = build.layout;
  if (layout2.modules.length) {
    const files = /* @__PURE__ */ new Map();
    sourcesOf.set(snap, files);
    const summaries = await build.modules();
    for (let i = 0; i < summaries.length; i++) {
      const s = summaries[i];
      if (s.error) continue;
      const facts = factOf(s, sizesAnalyzer);
      if (!facts) {
        snap.problems.push({ kind: "unsized", file: s.relPath, module: s.name, message: `${s.relPath} could not be sized: ${s.factErrors[sizesAnalyzer.id] ?? "no size facts"}` });
        continue;
      }
      const seen = snap.modules[s.name];
      if (seen?.kind === "m") {
        snap.problems.push({ kind: "duplicate", file: s.relPath, module: s.name, message: `two modules are named ${s.name}; ${s.relPath} is not counted in the sizes` });
        continue;
      }
      if (seen?.kind === "y") snap.problems.push({ kind: "duplicate", file: s.relPath, module: s.name, message: `${s.name} is both built in and a loadable module; the sizes count ${s.relPath}` });
      const entry = { kind: "m", classes: facts.classes, file: s.elfBytes + s.signatureBytes };
      if (facts.symbols) entry.symbols = packedFromWorker(facts.symbols);
      if (s.compression !== "none") entry.compressed = s.fileBytes;
      snap.modules[s.name] = entry;
      files.set(s.name, layout2.modules[i]);
    }
  }
  return snap;
}
function vmlinuxSizes(build) {
  return build.memo("sizes:vmlinux", () => {
    const snap = {
      version: 1,
      moduleClasses: [...MODULE_CLASSES],
      vmlinuxClasses: [...VMLINUX_CLASSES],
      vmlinux: null,
      modules: {},
      builtins: "none",
      problems: []
    };
    const layout2 = build.layout;
    const elf = build.vmlinux();
    if (elf && !layout2.modulesBuiltinRanges) {
      snap.vmlinux = { classes: vmlinuxClassSizes(elf, symbolSource(elf)).classes, symbols: packTablesLazily(symbolSizeTables(elf)) };
    }
    const symbols = layout2.modulesBuiltinRanges ? vmlinuxSymbols(build) : null;
    if (layout2.modulesBuiltinRanges && elf && symbols) {
      const sized = sizedSymbols(elf, symbols);
      snap.vmlinux = { classes: vmlinuxClassSizes(elf, symbols).classes, symbols: packCategoriesLazily(categorySizes(sized)) };
      const file = build.rel(layout2.modulesBuiltinRanges);
      const ranges = parseBuiltinRanges(build.readText(layout2.modulesBuiltinRanges), file);
      const attributed = attributeBuiltins(elf, symbols, sized, ranges);
      for (const p of attributed.problems) snap.problems.push({ kind: "ranges", file, message: p });
      for (const [name, m] of attributed.modules) snap.modules[name] = { kind: "y", classes: m.classes, symbols: packCategoriesLazily(m.symbols) };
      snap.builtins = "ranges";
    }
    if (layout2.modulesBuiltin) {
      for (const name of parseModulesBuiltin(build.readText(layout2.modulesBuiltin))) {
        snap.modules[name] ??= { kind: "y", classes: null };
      }
      if (snap.builtins === "none") snap.builtins = "list";
    }
    return snap;
  });
}
function readSizesSnapshot(data, label) {
  const known = data && typeof data === "object" ? readFrom.get(data) : void 0;
  if (known) return known;
  const read = readUncached(data, label);
  readFrom.set(data, read);
  return read;
}
var readFrom = /* @__PURE__ */ new WeakMap();
function readUncached(data, label) {
  const bad = (what) => new InputError("bad-value", label, `sizes snapshot: ${what}`);
  if (!data || typeof data !== "object") throw bad("not an object");
  const s = data;
  if (s.version !== 1) throw new InputError("unsupported", label, `sizes snapshot version ${JSON.stringify(s.version ?? null).slice(0, 40)}, this tool reads 1`);
  if (!isStringArray(s.moduleClasses) || !isStringArray(s.vmlinuxClasses)) throw bad("no class lists");
  if (!s.modules || typeof s.modules !== "object" || Array.isArray(s.modules)) throw bad("no module table");
  const remap = (from, to, values, what) => {
    if (!Array.isArray(values) || values.length !== from.length || !values.every((v) => Number.isSafeInteger(v) && v >= 0)) throw bad(`${what}: bad class sizes`);
    return to.map((c) => {
      const i = from.indexOf(c);
      return i < 0 ? 0 : values[i];
    });
  };
  const modules = {};
  for (const [name, e] of Object.entries(s.modules)) {
    if (!e || e.kind !== "m" && e.kind !== "y") throw bad(`${name}: bad kind`);
    const entry = { kind: e.kind, classes: e.classes === null ? null : remap(s.moduleClasses, MODULE_CLASSES, e.classes, name) };
    if (Number.isSafeInteger(e.file)) entry.file = e.file;
    if (Number.isSafeInteger(e.compressed)) entry.compressed = e.compressed;
    if (e.symbols !== void 0) entry.symbols = checkPacked(e.symbols, name, bad);
    modules[name] = entry;
  }
  let vmlinux = null;
  if (s.vmlinux) {
    vmlinux = { classes: remap(s.vmlinuxClasses, VMLINUX_CLASSES, s.vmlinux.classes, "vmlinux"), symbols: checkPacked(s.vmlinux.symbols, "vmlinux", bad) };
  }
  return {
    version: 1,
    moduleClasses: [...MODULE_CLASSES],
    vmlinuxClasses: [...VMLINUX_CLASSES],
    vmlinux,
    modules,
    builtins: s.builtins === "ranges" || s.builtins === "list" ? s.builtins : "none",
    problems: []
  };
}
function isStringArray(v) {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}
function checkPacked(p, what, bad) {
  if (!p || typeof p !== "object") throw bad(`${what}: no symbol tables`);
  for (const c of CATEGORIES) if (typeof p[c] !== "string") throw bad(`${what}: no ${c} symbol table`);
  return p;
}

// src/sizes/diff.ts
function sideOf(e) {
  const side = { kind: e.kind === "m" ? "loadable" : "builtin", classes: null, total: null };
  if (e.classes) {
    const rec = {};
    MODULE_CLASSES.forEach((c, i) => rec[c] = e.classes[i] ?? 0);
    side.classes = rec;
    side.total = e.classes.reduce((a, b) => a + b, 0);
  }
  if (e.file !== void 0) side.file = e.file;
  if (e.compressed !== void 0) side.compressed = e.compressed;
  return side;
}
function percentOf(before, after) {
  return before ? (after - before) * 100 / before : null;
}
function symbolDiff(a, b, what) {
  if (!a || !b) return void 0;
  const file = `baseline ${what}`;
  const here = tablesPackedHere(b);
  const out = {};
  for (const c of CATEGORIES) {
    if (!here) {
      out[c] = comparePacked(tableText(a, c, file), tableText(b, c, what), file, what);
      continue;
    }
    const cur = here[c];
    const text = tableText(a, c, file);
    if (cur instanceof ByteSizeTable) {
      out[c] = compareWithByteTable(new PackedCursor(text, file), cur) ?? compareSizes(mapOf(decodePacked(text, file)), cur.toMap());
      continue;
    }
    const old = decodePacked(text, file);
    out[c] = old.ascending ? compareWithTable(old.names, old.sizes, cur) : compareSizes(mapOf(old), cur.toMap());
  }
  return out;
}
function tableText(p, c, file) {
  const text = p[c];
  if (typeof text !== "string") throw new InputError("bad-value", file, `packed symbol sizes: no ${c} table`);
  return text;
}
function comparePacked(a, b, fileA, fileB) {
  try {
    const walked = compareSortedPacked(new PackedCursor(a, fileA), new PackedCursor(b, fileB));
    if (walked) return walked;
  } catch {
  }
  return compareSizes(mapOf(decodePacked(a, fileA)), mapOf(decodePacked(b, fileB)));
}
function mapOf(t) {
  const m = /* @__PURE__ */ new Map();
  for (let i = 0; i < t.names.length; i++) m.set(t.names[i], t.sizes[i]);
  return m;
}
function classRecord(names2, values) {
  const out = {};
  names2.forEach((c, i) => out[c] = values[i] ?? 0);
  return out;
}
function loadableTotal(s) {
  let t = 0;
  for (const e of Object.values(s.modules)) if (e.kind === "m" && e.classes) t += e.classes.reduce((a, b) => a + b, 0);
  return t;
}
function diffVmlinux(before, after) {
  if (!before.vmlinux || !after.vmlinux) return null;
  const tb = before.vmlinux.classes.reduce((a, b) => a + b, 0);
  const ta = after.vmlinux.classes.reduce((a, b) => a + b, 0);
  const out = {
    before: classRecord(VMLINUX_CLASSES, before.vmlinux.classes),
    after: classRecord(VMLINUX_CLASSES, after.vmlinux.classes),
    total: { before: tb, after: ta, delta: ta - tb, percent: percentOf(tb, ta) }
  };
  const symbols = symbolDiff(before.vmlinux.symbols, after.vmlinux.symbols, "vmlinux");
  if (symbols) out.symbols = symbols;
  return out;
}
function diffSizes(before, after, vmlinux = diffVmlinux(before, after)) {
  const out = { added: [], removed: [], changed: [], unchanged: 0, vmlinux, total: null };
  for (const [name, a] of Object.entries(after.modules)) {
    const b = before.modules[name];
    if (!b) {
      out.added.push({ name, after: sideOf(a) });
      continue;
    }
    const moved = a.kind !== b.kind;
    if (!moved && sameClasses(a.classes, b.classes)) {
      out.unchanged++;
      continue;
    }
    const bs = sideOf(b);
    const as = sideOf(a);
    const delta = bs.total !== null && as.total !== null ? as.total - bs.total : null;
    const change2 = { name, before: bs, after: as, delta, percent: delta === null ? null : percentOf(bs.total, as.total), moved };
    const symbols = symbolDiff(b.symbols, a.symbols, name);
    if (symbols) change2.symbols = symbols;
    out.changed.push(change2);
  }
  for (const [name, b] of Object.entries(before.modules)) if (!after.modules[name]) out.removed.push({ name, before: sideOf(b) });
  const byDelta = (x, y) => Math.abs(y.delta ?? 0) - Math.abs(x.delta ?? 0) || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  out.changed.sort(byDelta);
  const bySize = (x) => x.total ?? 0;
  out.added.sort((x, y) => bySize(y.after) - bySize(x.after) || (x.name < y.name ? -1 : 1));
  out.removed.sort((x, y) => bySize(y.before) - bySize(x.before) || (x.name < y.name ? -1 : 1));
  if (vmlinux) {
    const b = vmlinux.total.before + loadableTotal(before);
    const a = vmlinux.total.after + loadableTotal(after);
    out.total = { before: b, after: a, delta: a - b, percent: percentOf(b, a) };
  } else if (!before.vmlinux && !after.vmlinux) {
    const b = loadableTotal(before);
    const a = loadableTotal(after);
    out.total = { before: b, after: a, delta: a - b, percent: percentOf(b, a) };
  }
  return out;
}

// src/sizes/render.ts
var TOP_CHANGES = 10;
var SYMBOL_ROWS = 20;
var SYMBOL_MODULES = 10;
function bytes(n) {
  return n.toLocaleString("en-US");
}
function signed(n) {
  return `${n > 0 ? "+" : n < 0 ? "-" : "\xB1"}${Math.abs(n).toLocaleString("en-US")}`;
}
function percent(p) {
  if (p === null) return "new";
  if (p !== 0 && Math.abs(p) < 5e-3) return p > 0 ? "+<0.01%" : "-<0.01%";
  return `${p > 0 ? "+" : ""}${p.toFixed(2)}%`;
}
function human(n) {
  const units = ["B", "KiB", "MiB", "GiB"];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} B` : `${v.toFixed(1)} ${units[i]}`;
}
function kindWord(s) {
  return s.kind === "builtin" ? "built in" : "loadable";
}
function sideTotal(s) {
  return s.total === null ? `${kindWord(s)}, size unknown` : bytes(s.total);
}
function diffSummary2(d, label) {
  const grew = d.changed.filter((c) => !c.moved && (c.delta ?? 0) > 0).length;
  const shrank = d.changed.filter((c) => !c.moved && (c.delta ?? 0) < 0).length;
  const moved = d.changed.filter((c) => c.moved).length;
  const parts = [];
  if (d.vmlinux) parts.push(`vmlinux ${signed(d.vmlinux.total.delta)} bytes (${percent(d.vmlinux.total.percent)})`);
  const mods = [];
  if (d.added.length) mods.push(`${d.added.length} added`);
  if (d.removed.length) mods.push(`${d.removed.length} removed`);
  if (grew) mods.push(`${grew} grew`);
  if (shrank) mods.push(`${shrank} shrank`);
  if (moved) mods.push(`${moved} moved between =m and =y`);
  const other = d.changed.length - grew - shrank - moved;
  if (other) mods.push(`${other} changed within the same total`);
  parts.push(mods.length ? `modules: ${mods.join(", ")}` : "no module changed size");
  if (d.total) parts.push(`total ${signed(d.total.delta)} bytes (${percent(d.total.percent)})`);
  const against = label ? `against ${label}` : "against the baseline";
  if (!mods.length && (!d.vmlinux || d.vmlinux.total.delta === 0) && d.vmlinux?.symbols && noSymbolChange(d.vmlinux.symbols)) {
    return `no size changes ${against}`;
  }
  return `${parts.join("; ")} ${against}`;
}
function noSymbolChange(s) {
  return CATEGORIES.every((c) => s[c].rows.every((r) => r.delta === 0));
}
function changeRows(d) {
  const rows = [];
  if (d.vmlinux && d.vmlinux.total.delta !== 0) {
    const v = d.vmlinux.total;
    rows.push({ name: "vmlinux", before: bytes(v.before), after: bytes(v.after), delta: v.delta, percent: percent(v.percent), note: "" });
  }
  for (const c of d.changed) {
    const text = c.before.classes && c.after.classes ? `; text ${bytes(c.before.classes.text)} \u2192 ${bytes(c.after.classes.text)}` : "";
    const note = c.moved ? `moved: ${kindWord(c.before)} \u2192 ${kindWord(c.after)}${text}` : c.before.kind === "builtin" ? "built in" : "";
    rows.push({ name: c.name, before: sideTotal(c.before), after: sideTotal(c.after), delta: c.delta, percent: c.delta === null ? "" : percent(c.percent), note });
  }
  for (const a of d.added) {
    rows.push({ name: a.name, before: "\u2013", after: sideTotal(a.after), delta: a.after.total, percent: "added", note: kindWord(a.after) });
  }
  for (const r of d.removed) {
    rows.push({ name: r.name, before: sideTotal(r.before), after: "\u2013", delta: r.before.total === null ? null : -r.before.total, percent: "removed", note: kindWord(r.before) });
  }
  const first = rows[0]?.name === "vmlinux" ? rows.shift() : null;
  rows.sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return first ? [first, ...rows] : rows;
}
function tableOf2(rows) {
  return {
    kind: "table",
    columns: ["module", "before", "after", "change", "%", ""],
    align: ["left", "right", "right", "right", "right", "left"],
    rows: rows.map((r) => [{ code: r.name }, r.before, r.after, r.delta === null ? "" : signed(r.delta), r.percent, r.note])
  };
}
function shownRows(r, limit) {
  const changed = r.rows.filter((x) => x.delta !== 0);
  if (changed.length <= limit) return { rows: changed, hidden: 0 };
  const keep = new Set([...changed].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, limit));
  return { rows: changed.filter((x) => keep.has(x)), hidden: changed.length - limit };
}
function bloatText(s, limit = SYMBOL_ROWS) {
  const out = [];
  for (const c of CATEGORIES) {
    const r = s[c];
    if (r.rows.every((x) => x.delta === 0)) continue;
    const { rows, hidden } = shownRows(r, limit);
    out.push(bloatHeader(r), `${CATEGORY_TITLES[c].padEnd(40)} ${"old".padStart(7)} ${"new".padStart(7)} ${"delta".padStart(7)}`);
    for (const row of rows) {
      const d = `${row.delta > 0 ? "+" : ""}${row.delta}`;
      out.push(`${row.name.padEnd(40)} ${String(row.old ?? "-").padStart(7)} ${String(row.new ?? "-").padStart(7)} ${d.padStart(7)}`);
    }
    if (hidden) out.push(`\u2026 ${hidden} more rows with changes no larger (the JSON report has them all)`);
    out.push(bloatTotal(r));
  }
  return out.join("\n");
}
function classTable(names2, labels, before, after) {
  return {
    kind: "table",
    columns: ["class", "before", "after", "change"],
    align: ["left", "right", "right", "right"],
    rows: names2.filter((c) => before[c] || after[c]).map((c) => [labels[c] ?? c, bytes(before[c] ?? 0), bytes(after[c] ?? 0), signed((after[c] ?? 0) - (before[c] ?? 0))])
  };
}
function moduleDetail(c) {
  const blocks = [];
  if (c.before.classes && c.after.classes) {
    const table = classTable(MODULE_CLASSES, CLASS_LABELS, c.before.classes, c.after.classes);
    const file = (label, a, b) => {
      if (a !== void 0 && b !== void 0 && a !== b) table.rows.push([label, bytes(a), bytes(b), signed(b - a)]);
    };
    file(".ko file", c.before.file, c.after.file);
    file(".ko compressed", c.before.compressed, c.after.compressed);
    blocks.push(table);
  }
  if (c.moved) {
    blocks.push({
      kind: "paragraph",
      text: "A built-in module has no struct module, __versions, ORC or export tables of its own, and its exit code is init memory: sizes compare closely, not exactly."
    });
  }
  if (c.symbols && !noSymbolChange(c.symbols)) blocks.push({ kind: "code", text: bloatText(c.symbols) });
  return blocks;
}
function diffBlocks2(d) {
  const blocks = [];
  const rows = changeRows(d);
  if (rows.length) blocks.push(tableOf2(rows.slice(0, TOP_CHANGES)));
  if (d.vmlinux) {
    const inner2 = [classTable(VMLINUX_CLASSES, VMLINUX_LABELS, d.vmlinux.before, d.vmlinux.after)];
    if (d.vmlinux.symbols && !noSymbolChange(d.vmlinux.symbols)) inner2.push({ kind: "code", text: bloatText(d.vmlinux.symbols) });
    if (d.vmlinux.total.delta !== 0 || inner2.length > 1) blocks.push({ kind: "details", summary: "vmlinux by class and symbol (bloat-o-meter -c)", blocks: inner2 });
  }
  const withDetail = d.changed.filter((c) => c.symbols && !noSymbolChange(c.symbols) || c.moved);
  const detailed = [...withDetail.filter((c) => c.moved), ...withDetail.filter((c) => !c.moved)].slice(0, SYMBOL_MODULES);
  for (const c of detailed) {
    const summary = [{ code: c.name }, c.delta === null ? ` ${c.moved ? "moved" : "changed"}` : ` ${signed(c.delta)} bytes${c.moved ? ` (moved: ${kindWord(c.before)} \u2192 ${kindWord(c.after)})` : ""}`];
    blocks.push({ kind: "details", summary, blocks: moduleDetail(c) });
  }
  const more = withDetail.length - detailed.length;
  if (more > 0) blocks.push({ kind: "paragraph", text: `Symbol changes of ${more} more modules are in the JSON report.` });
  if (rows.length > TOP_CHANGES) {
    blocks.push({ kind: "details", summary: `${rows.length - TOP_CHANGES} more changes`, blocks: [tableOf2(rows.slice(TOP_CHANGES))] });
  }
  return blocks;
}
function inventoryBlocks(vmlinux, largest) {
  const inner2 = [];
  if (vmlinux) {
    inner2.push({
      kind: "table",
      columns: ["vmlinux class", "bytes"],
      align: ["left", "right"],
      rows: VMLINUX_CLASSES.filter((c) => vmlinux[c]).map((c) => [VMLINUX_LABELS[c], bytes(vmlinux[c])])
    });
  }
  if (largest.length) {
    inner2.push({
      kind: "table",
      columns: ["largest modules", "loaded", "text", ".ko file"],
      align: ["left", "right", "right", "right"],
      rows: largest.map((m) => [{ code: m.name }, sideTotal(m.side), m.side.classes ? bytes(m.side.classes.text) : "", m.side.file === void 0 ? kindWord(m.side) : bytes(m.side.file)])
    });
  }
  return inner2.length ? [{ kind: "details", summary: "Sizes", blocks: inner2 }] : [];
}

// src/sizes/report-section.ts
function jsonSymbols(s) {
  if (!s) return void 0;
  const out = {};
  for (const c of CATEGORIES) {
    const r = s[c];
    out[c] = {
      header: bloatHeader(r),
      rows: r.rows.filter((x) => x.delta !== 0).map((x) => ({ name: x.name, old: x.old ?? null, new: x.new ?? null, delta: x.delta })),
      total: { before: r.oldTotal, after: r.newTotal }
    };
  }
  return out;
}
function reportSections(current, diff, label) {
  const sizes = {};
  for (const name of Object.keys(current.modules).sort()) sizes[name] = sideOf(current.modules[name]);
  const modules = {
    baseline: label,
    classes: [...MODULE_CLASSES],
    added: diff?.added ?? [],
    removed: diff?.removed ?? [],
    changed: (diff?.changed ?? []).map((c) => ({ ...c, symbols: jsonSymbols(c.symbols) })),
    unchanged: diff?.unchanged ?? 0,
    total: diff?.total ?? null,
    sizes
  };
  let vmlinuxSizes2 = null;
  if (current.vmlinux) {
    const classes = {};
    VMLINUX_CLASSES.forEach((c, i) => classes[c] = current.vmlinux.classes[i] ?? 0);
    vmlinuxSizes2 = diff?.vmlinux ? { ...diff.vmlinux, symbols: jsonSymbols(diff.vmlinux.symbols) } : { after: classes };
  }
  return { modules, vmlinuxSizes: vmlinuxSizes2 };
}

// src/checks/sizes.ts
var sizesCheck = {
  id: "sizes",
  title: "Sizes",
  async snapshot(build) {
    if (!build.layout.vmlinux && build.layout.modules.length === 0) return null;
    return takeSizesSnapshot(build);
  },
  withBaseline(build, baseline) {
    if (!baseline.data) return;
    const base = readSizesSnapshot(baseline.data, baseline.label || "the baseline");
    build.hint(sizesAnalyzer.id, sizeTablesHints(base));
    vmlinuxDiff(build, base).catch(() => void 0);
  },
  async run({ build, options, current, baseline }) {
    const findings = [];
    let budget = {};
    if (options.sizeBudget) {
      try {
        budget = parseSizeBudget(options.sizeBudget);
      } catch (err) {
        findings.push({ severity: "error", code: "size-budget-invalid", message: describeError(err) });
      }
    }
    const snap = current ?? (build.layout.vmlinux || build.layout.modules.length ? await takeSizesSnapshot(build) : null);
    if (!snap) return { status: "skip", summary: "no vmlinux and no modules to size", findings };
    for (const x of problemFindings(snap.problems)) findings.push(x);
    const label = baseline?.label || "the baseline";
    let base = null;
    if (baseline?.data) {
      try {
        base = readSizesSnapshot(baseline.data, label);
      } catch (err) {
        findings.push({ severity: "notice", code: "size-baseline-unusable", message: `the baseline's size data cannot be used: ${describeError(err)}` });
      }
    }
    if (!base) {
      if (Object.keys(budget).length) {
        findings.push({ severity: "notice", code: "size-no-baseline", message: `the size budget was not checked: ${baseline ? "the baseline has no size data" : "there is no baseline to compare with"}` });
      }
      return { summary: inventorySummary(snap), findings, blocks: noBaselineBlocks(snap), report: reportSections(snap, null, null) };
    }
    const tables = withSizeTables(build, snap, base);
    let vmlinux;
    try {
      vmlinux = await vmlinuxDiff(build, base, snap);
    } finally {
      await tables.catch(() => void 0);
    }
    const diff = diffSizes(base, await tables, vmlinux);
    const over = budgetFindings(diff, budget);
    for (const x of over) findings.push(x);
    const largest = largestChange(diff);
    if (largest && over.length === 0) findings.push({ severity: "notice", code: "size-changed", message: `sizes changed; the largest change is ${largest}` });
    const outcome = { summary: diffSummary2(diff, label), findings, blocks: diffBlocks2(diff), report: reportSections(snap, diff, label) };
    return outcome;
  }
};
async function vmlinuxDiff(build, base, current) {
  const made = build.memo("sizes:vmlinux-diff", () => /* @__PURE__ */ new Map());
  let early = made.get(base);
  if (!early) {
    early = nextTurn().then(() => vmlinuxSizes(build)).then(async (after) => {
      await nextTurn();
      return { from: after.vmlinux, diff: diffVmlinux(base, after) };
    });
    made.set(base, early);
  }
  if (!current) return (await early).diff;
  const done = await early.catch(() => null);
  return done && done.from === current.vmlinux ? done.diff : diffVmlinux(base, current);
}
function problemFindings(problems) {
  const out = [];
  const ranges = problems.filter((p) => p.kind === "ranges");
  if (ranges.length) {
    const first = ranges[0];
    const more = ranges.length > 1 ? ` (and ${ranges.length - 1} more)` : "";
    const f = {
      severity: "warning",
      code: "size-ranges-mismatch",
      message: `${first.message}${more}: built-in module sizes may be attributed wrongly; is modules.builtin.ranges from this vmlinux?`
    };
    if (first.file) f.file = first.file;
    out.push(f);
  }
  for (const p of problems) {
    if (p.kind === "ranges") continue;
    const f = { severity: "notice", code: p.kind === "unsized" ? "size-module-unsized" : "size-module-duplicate", message: p.message };
    if (p.file) f.file = p.file;
    if (p.module) f.module = p.module;
    out.push(f);
  }
  return out;
}
function inventorySummary(s) {
  const parts = [];
  if (s.vmlinux) {
    const total = s.vmlinux.classes.reduce((a, b) => a + b, 0);
    const text = s.vmlinux.classes[VMLINUX_CLASSES.indexOf("text")] ?? 0;
    parts.push(`vmlinux ${human(total)} loaded (text ${human(text)})`);
  }
  const mods = Object.values(s.modules);
  const loadable = mods.filter((m) => m.kind === "m");
  if (loadable.length) {
    const total = loadable.reduce((a, m) => a + (m.classes ?? []).reduce((x, y) => x + y, 0), 0);
    parts.push(`${loadable.length.toLocaleString("en-US")} loadable modules, ${human(total)} loaded`);
  }
  const builtin = mods.length - loadable.length;
  if (builtin) parts.push(`${builtin.toLocaleString("en-US")} built in${s.builtins === "list" ? " (no modules.builtin.ranges: sizes unknown)" : ""}`);
  return `${parts.join("; ")}; no baseline to compare with`;
}
function noBaselineBlocks(s) {
  let vmlinux = null;
  if (s.vmlinux) {
    vmlinux = {};
    VMLINUX_CLASSES.forEach((c, i) => vmlinux[c] = s.vmlinux.classes[i] ?? 0);
  }
  const largest = Object.entries(s.modules).map(([name, e]) => ({ name, side: sideOf(e) })).filter((m) => m.side.total !== null).sort((a, b) => b.side.total - a.side.total || (a.name < b.name ? -1 : 1)).slice(0, 10);
  return inventoryBlocks(vmlinux, largest);
}
function largestChange(d) {
  let best = null;
  const consider = (what, delta) => {
    if (delta !== null && delta !== 0 && (!best || Math.abs(delta) > Math.abs(best.delta))) best = { what, delta };
  };
  if (d.vmlinux) consider(`vmlinux ${signed(d.vmlinux.total.delta)} bytes (${percent(d.vmlinux.total.percent)})`, d.vmlinux.total.delta);
  for (const c of d.changed) if (!c.moved) consider(`module ${c.name} ${signed(c.delta ?? 0)} bytes (${percent(c.percent)})`, c.delta);
  for (const a of d.added) consider(`module ${a.name} added, ${bytes(a.after.total ?? 0)} bytes`, a.after.total);
  for (const r of d.removed) consider(`module ${r.name} removed, ${bytes(r.before.total ?? 0)} bytes`, r.before.total === null ? null : -r.before.total);
  const moved = d.changed.filter((c) => c.moved);
  if (!best && moved.length) return `${moved.length} module${moved.length === 1 ? "" : "s"} moved between =m and =y`;
  return best ? best.what : null;
}
function budgetFindings(d, budget) {
  const out = [];
  const growth = (before, after, p) => `${signed(after - before)} bytes (${percent(p)}, ${bytes(before)} \u2192 ${bytes(after)})`;
  if (budget.total && d.total && overBudget(budget.total, d.total.before, d.total.after)) {
    out.push({
      severity: "error",
      code: "size-budget-total",
      message: `vmlinux and loadable modules together grew ${growth(d.total.before, d.total.after, d.total.percent)}, over the budget of ${describeLimit(budget.total)}`
    });
  }
  if (budget.vmlinux && d.vmlinux && overBudget(budget.vmlinux, d.vmlinux.total.before, d.vmlinux.total.after)) {
    const t = d.vmlinux.total;
    out.push({ severity: "error", code: "size-budget-vmlinux", message: `vmlinux grew ${growth(t.before, t.after, t.percent)}, over the budget of ${describeLimit(budget.vmlinux)}` });
  }
  if (budget.module) {
    for (const c of d.changed) {
      if (c.moved || c.before.total === null || c.after.total === null) continue;
      if (!overBudget(budget.module, c.before.total, c.after.total)) continue;
      out.push({
        severity: "error",
        code: "size-budget-module",
        module: c.name,
        message: `module ${c.name} grew ${growth(c.before.total, c.after.total, c.percent)}, over the per-module budget of ${describeLimit(budget.module)}`
      });
    }
  }
  return out;
}

// src/exports/findings.ts
function visible(s) {
  return JSON.stringify(s);
}
function names(xs) {
  return xs.map((x) => visible(x)).join(", ");
}
var READER_NAME = {
  modpost: "modpost (6.5+) reads each line as one name, byte for byte",
  autoksyms: "gen_autoksyms.sh (\u22646.4) splits the file on spaces"
};
function listIssueFinding(list, issue, kernelReads) {
  const at = { file: list.file, line: issue.line };
  if (issue.kind === "duplicate") {
    return {
      severity: "notice",
      code: "symbol-list-duplicate",
      message: `duplicate entry ${visible(issue.text.trim())} (first on line ${issue.firstLine}); harmless, but the list is meant to hold each symbol once`,
      ...at
    };
  }
  const reader = list.reader === "android" ? "modpost" : list.reader;
  let severity = issue.lost.length ? "error" : issue.bogus.length ? "warning" : "notice";
  if (!kernelReads) severity = severity === "error" ? "warning" : "notice";
  const when = kernelReads ? "" : "if this list were CONFIG_UNUSED_KSYMS_WHITELIST, ";
  const verb = kernelReads ? issue.lost.length === 1 ? "is" : "are" : "would be";
  const lost = issue.lost.length ? `; ${issue.lost.length === 1 ? visible(issue.lost[0]) : names(issue.lost)} ${verb} silently not kept` : "";
  const bogus = issue.bogus.length ? `; it ${kernelReads ? "reads" : "would read"} ${names(issue.bogus)} as symbol name${issue.bogus.length === 1 ? "" : "s"}` : "";
  let what;
  switch (issue.kind) {
    case "cr":
      what = reader === "modpost" ? list.crOnly ? "the file ends its lines with CR only: modpost splits on LF and sees one long name" : "the line ends with CR (CRLF line endings): modpost keeps the CR in the name" : 'the line ends with CR: it stays in the word, and GCC ends `#define __KSYM_<word> 1` at the CR, leaving a stray " 1" line in autoksyms.h that breaks compilation';
      break;
    case "whitespace":
      what = reader === "modpost" ? `the line has ${/^\s|\s$/.test(issue.text) ? "leading or trailing" : "inner"} whitespace, which modpost keeps in the name` : "the line holds a tab, which gen_autoksyms.sh keeps in the word (only spaces separate names)";
      break;
    case "comment":
      what = reader === "modpost" ? "modpost does not understand # comments" : "gen_autoksyms.sh does not understand # comments";
      break;
    case "header":
      what = reader === "modpost" ? "modpost does not understand [section] headers" : "gen_autoksyms.sh does not understand [section] headers";
      break;
  }
  const harmless = !issue.lost.length && !issue.bogus.length ? "; the line matches no export, so it is harmless in this build" : "";
  return {
    severity,
    code: issue.kind === "cr" ? "symbol-list-cr-line-ending" : `symbol-list-${issue.kind}`,
    message: `${when}${what}${lost}${bogus}${harmless} (${READER_NAME[reader]})`,
    ...at
  };
}
function importFinding(p, extra, trimRace) {
  const m = p.module;
  const who = extra ? `out-of-tree module ${m.name}` : `module ${m.name}`;
  const base = { severity: "error", module: m.name, file: m.file };
  switch (p.kind) {
    case "unresolved":
      if (trimRace) {
        return {
          ...base,
          code: "import-trim-race",
          symbol: p.symbol,
          message: `${who} needs ${p.symbol}, which include/generated/autoksyms.h keeps but the final vmlinux does not export: vmlinux was not relinked after autoksyms.h changed (the TRIM_UNUSED_KSYMS race of \u22646.4); rebuild vmlinux`
        };
      }
      return {
        ...base,
        code: "import-unresolved",
        symbol: p.symbol,
        message: `${who} needs ${p.symbol}, which this build does not export (${extra ? 'depmod: "needs unknown symbol", and the module will not load' : `modpost: "${p.symbol}" [${m.owner}.ko] undefined!`})`
      };
    case "gpl-only":
      return {
        ...base,
        code: "import-gpl-only",
        symbol: p.symbol,
        message: `${who} ${p.licenses.length ? `(license ${p.licenses.map((l) => `"${l}"`).join(", ")}) is not GPL-compatible` : "has no MODULE_LICENSE, which the loader treats as not GPL-compatible,"} but uses GPL-only ${p.symbol} from ${p.export.module}`
      };
    case "namespace":
      return {
        ...base,
        code: "import-namespace-missing",
        symbol: p.symbol,
        message: `${who} uses ${p.symbol} from namespace ${p.export.namespace} but does not import it (add MODULE_IMPORT_NS(${p.export.namespace}))`
      };
    case "crc":
      return {
        ...base,
        code: "import-crc-mismatch",
        symbol: p.symbol,
        message: `${who} was built against ${p.symbol} with CRC ${formatCrc(p.recorded)}, but ${p.export.module} exports it with ${formatCrc(p.export.crc)}: "disagrees about version of symbol ${p.symbol}" at load`
      };
    case "no-version":
      return {
        ...base,
        code: "import-version-missing",
        symbol: p.symbol,
        message: `${who} records no CRC for ${p.symbol} in __versions, but ${p.export.module} exports it with one: "no symbol version for ${p.symbol}" and the load fails`
      };
    case "unversioned":
      return {
        ...base,
        code: "import-unversioned",
        message: `${who} has no __versions section, but ${p.symbols} of the exports it uses carry CRCs: a MODVERSIONS kernel refuses it unless built with CONFIG_MODULE_FORCE_LOAD and loaded with --force`
      };
  }
}

// src/exports/names.ts
var NEVER_EXACT = /* @__PURE__ */ new Map([
  ["__this_module", "is each module's own struct module, defined when the .ko is linked; it is never exported"],
  ["_GLOBAL_OFFSET_TABLE_", "is made by the linker; it is never exported"],
  [".TOC.", "is made by the linker (powerpc); it is never exported"],
  ["init_module", "is a module's entry point, defined by each module; it is never exported"],
  ["cleanup_module", "is a module's exit point, defined by each module; it is never exported"]
]);
var NEVER_PREFIX = [
  ["__ksymtab_", "names a ksymtab entry, not the exported symbol (drop the __ksymtab_ prefix)"],
  ["__kstrtab_", "names an export string, not the exported symbol (drop the __kstrtab_ prefix)"],
  ["__kstrtabns_", "names a namespace string, not an exported symbol"],
  ["__crc_", "names a modversions CRC, not the exported symbol (drop the __crc_ prefix)"],
  ["__kcrctab", "names a CRC table entry, not an exported symbol"],
  ["__export_symbol_", "names the 6.5+ export marker, not the exported symbol (drop the __export_symbol_ prefix)"],
  ["__UNIQUE_ID_", "is a compiler-generated unique name; it is never exported"]
];
var IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
function neverExportReason(name) {
  const exact = NEVER_EXACT.get(name);
  if (exact) return exact;
  for (const [prefix, why] of NEVER_PREFIX) if (name.startsWith(prefix) && name.length > prefix.length) return why;
  if (!IDENTIFIER.test(name)) return "is not a C identifier, so no EXPORT_SYMBOL can produce it";
  return null;
}
function nearestNames(name, candidates, max = 3) {
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 5)));
  const lower = name.toLowerCase();
  const found = [];
  for (const c of candidates) {
    if (c === name) continue;
    if (Math.abs(c.length - name.length) > limit) {
      continue;
    }
    if (c.toLowerCase() === lower) {
      found.push([0, c]);
      continue;
    }
    const d = boundedDistance(name, c, limit);
    if (d <= limit) found.push([d, c]);
  }
  found.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const out = found.slice(0, max).map((f) => f[1]);
  if (out.length < max && name.length >= 4) {
    const affixed = [];
    for (const c of candidates) {
      if (c !== name && !out.includes(c) && (c.startsWith(`${name}_`) || c.endsWith(`_${name}`) || c.startsWith(`__${name}`))) affixed.push(c);
    }
    const tail = (c) => c.endsWith(`_${name}`) && !c.startsWith(name) && !c.startsWith(`__${name}`) ? 1 : 0;
    affixed.sort((a, b) => tail(a) - tail(b) || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    out.push(...affixed.slice(0, max - out.length));
  }
  return out;
}
function boundedDistance(a, b, limit) {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  let prev2 = new Array(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

// src/checks/symbol-list.ts
var symbolListCheck = {
  id: "symbol-list",
  title: "Symbol lists and module imports",
  async run({ build, options }) {
    const exp = await buildExports(build);
    const lists = loadLists(build, options);
    const extra = options.extraModules.length ? await extraModules(build, options.extraModules) : [];
    if (exp.source === "none" && !lists.lists.length && !exp.modules.length && !extra.length) {
      return skipped2("no exports, symbol lists or modules to check");
    }
    const findings = [];
    for (const x of whitelistFindings(build, lists)) findings.push(x);
    for (const x of listFindings(lists, exp.table, options)) findings.push(x);
    const vmlinuxKnown = exp.source === "symvers" ? build.layout.symversKind !== "modules-only.symvers" : exp.binary?.vmlinux != null;
    const { findings: importFindings, blocks } = importChecks(exp.modules, extra, exp.table, lists, vmlinuxKnown);
    if (!vmlinuxKnown && (exp.modules.length || extra.length)) {
      findings.push({
        severity: "notice",
        code: "import-vmlinux-unknown",
        message: "vmlinux's exports are unknown (no Module.symvers, vmlinux or boot image): imports were checked only against the modules' own exports, and unresolved ones are not reported"
      });
    }
    for (const x of importFindings) findings.push(x);
    for (const m of extra) {
      if (m.error && m.linkage === null) {
        findings.push({ severity: "warning", code: "import-unreadable", module: m.name, file: m.file, message: `cannot read the imports of ${m.file}: ${m.error}` });
      }
    }
    return { summary: summarize2(exp.source, exp.table.size, lists, exp.modules.length, extra.length, findings), findings, blocks };
  }
};
var MAX_SUGGESTED = 200;
function whitelistFindings(build, lists) {
  const w = lists.whitelist;
  if (!w || w.path) return [];
  if (w.refused) {
    return [
      {
        severity: "warning",
        code: "symbol-list-whitelist-outside",
        file: w.refused,
        message: `CONFIG_UNUSED_KSYMS_WHITELIST="${w.setting}" names a file outside the build and source trees; it was not read`
      }
    ];
  }
  return [
    {
      severity: build.layout.kind === "kbuild" ? "warning" : "notice",
      code: "symbol-list-whitelist-missing",
      message: `CONFIG_UNUSED_KSYMS_WHITELIST="${w.setting}" was not found (looked at ${w.tried.map((t) => build.rel(t)).join(", ")}); the whitelist is not checked`
    }
  ];
}
function listFindings(lists, table, options) {
  const findings = [];
  const names2 = [...table.keys()];
  const listed = /* @__PURE__ */ new Set();
  let suggested = 0;
  for (const { list, whitelist } of lists.lists) {
    for (const issue of list.issues) findings.push(listIssueFinding(list, issue, whitelist));
    for (const e of list.entries) {
      listed.add(e.symbol);
      const at = { file: list.file, line: e.line, symbol: e.symbol };
      const never = neverExportReason(e.symbol);
      if (never) {
        const relink = e.symbol === "__this_module" && lists.reader === "autoksyms" ? "; on \u22646.4 listing it changes autoksyms.h, which relinks vmlinux needlessly (costly with LTO)" : "";
        findings.push({ severity: "warning", code: "symbol-list-never-export", message: `${visible(e.symbol)} ${never}${relink}`, ...at });
        continue;
      }
      if (table.has(e.symbol)) continue;
      const near = suggested++ < MAX_SUGGESTED ? nearestNames(e.symbol, names2) : [];
      const hint = near.length ? `; did you mean ${near.join(", ")}?` : "";
      let why = "no object in this build exports it (a typo, or an export that was removed or is not built in this configuration)";
      if (lists.trim && !whitelist) why = "this build does not export it (TRIM_UNUSED_KSYMS drops exports that no module uses and the whitelist does not keep)";
      if (lists.autoksyms?.has(e.symbol)) why = "include/generated/autoksyms.h keeps it, yet vmlinux does not export it: either nothing exports it, or vmlinux was not relinked after autoksyms.h changed (the \u22646.4 TRIM_UNUSED_KSYMS race)";
      findings.push({
        severity: options.strictSymbolList ? "error" : "warning",
        code: "symbol-list-unknown-symbol",
        message: `${e.symbol}: ${why}${hint}`,
        ...at
      });
    }
  }
  if (options.strictSymbolList) {
    if (!lists.lists.length) {
      findings.push({ severity: "warning", code: "symbol-list-strict-no-list", message: "strict symbol-list mode is on, but there is no symbol list to compare with" });
    } else {
      for (const e of [...table.values()].sort((a, b) => a.symbol < b.symbol ? -1 : 1)) {
        if (listed.has(e.symbol)) continue;
        findings.push({
          severity: "error",
          code: "symbol-list-strict-unlisted",
          symbol: e.symbol,
          module: e.module,
          message: `${e.symbol} (${e.module}) is exported but in no symbol list; strict mode requires the list and the exports to match one to one`
        });
      }
    }
  }
  return findings;
}
function importChecks(own, extra, table, lists, vmlinuxKnown) {
  const findings = [];
  const raced = (symbol) => lists.autoksyms?.has(symbol) === true && lists.reader === "autoksyms";
  const judged = (p) => vmlinuxKnown || p.kind !== "unresolved";
  for (const p of resolveImports(own, table)) if (judged(p)) findings.push(importFinding(p, false, p.kind === "unresolved" && raced(p.symbol)));
  if (extra.length) {
    const combined = tableOf([...table.values(), ...extra.flatMap((m) => (m.linkage?.exports ?? []).map((e) => ({ ...e, module: m.owner, crc: e.crc })))]);
    for (const p of resolveImports(extra, combined)) if (judged(p)) findings.push(importFinding(p, true, p.kind === "unresolved" && raced(p.symbol)));
  }
  const blocks = [];
  const unresolved = findings.filter((f) => f.code === "import-unresolved" || f.code === "import-trim-race");
  if (unresolved.length) {
    const rows = unresolved.map((f) => [{ code: f.module ?? "" }, { code: f.symbol ?? "" }]);
    blocks.push({ kind: "details", summary: `${unresolved.length} unresolved import${unresolved.length === 1 ? "" : "s"}`, blocks: [{ kind: "table", columns: ["Module", "Symbol"], rows }] });
  }
  return { findings, blocks };
}
function summarize2(source, exports, lists, own, extra, findings) {
  const n = (x, one, many = `${one}s`) => `${x.toLocaleString("en-US")} ${x === 1 ? one : many}`;
  const parts = [];
  if (lists.lists.length) {
    const entries = lists.lists.reduce((s, l) => s + l.list.entries.length, 0);
    parts.push(`${n(lists.lists.length, "symbol list")} (${n(entries, "entry", "entries")})`);
  }
  if (own) parts.push(n(own, "module"));
  if (extra) parts.push(n(extra, "out-of-tree module"));
  const what = parts.length ? parts.join(", ") : "nothing";
  const against = source === "none" ? "no known exports" : `${n(exports, "export")} (${source === "symvers" ? "Module.symvers" : "from the binaries"})`;
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  const notices = findings.length - errors - warnings;
  if (!findings.length) return `${what} checked against ${against}: all resolve`;
  const counts2 = [errors ? n(errors, "error") : "", warnings ? n(warnings, "warning") : "", notices ? n(notices, "notice") : ""];
  return `${what} checked against ${against}: ${counts2.filter(Boolean).join(", ")}`;
}

// src/checks/registry.ts
var CHECKS = [inventoryCheck, kallsymsCheck, symbolListCheck, exportsCheck, sizesCheck, btfCheck];

// src/model/finding.ts
var rank = { error: 3, warning: 2, notice: 1 };
function statusOf(findings) {
  let worst = 0;
  for (const f of findings) worst = Math.max(worst, rank[f.severity]);
  return worst === 3 ? "fail" : worst === 2 ? "warn" : "pass";
}

// src/checks/run-check.ts
async function snapshotOf2(check, build, options) {
  if (!check.snapshot) return void 0;
  try {
    await nextTurn();
    const snap = await check.snapshot(build, options);
    timing(`snapshot ${check.id} of ${build.layout.root} done`);
    return snap;
  } catch {
    return void 0;
  }
}
async function runCheck(check, build, options, current, baseline) {
  let outcome;
  try {
    await nextTurn();
    outcome = await check.run({ build, options, current: current ?? null, baseline });
  } catch (err) {
    const finding = err instanceof InputError ? { severity: "error", code: "input-error", message: err.message, file: err.file } : { severity: "warning", code: "check-crashed", message: `the ${check.id} check stopped: ${describeError(err)}` };
    outcome = { status: err instanceof InputError ? "fail" : "skip", summary: finding.message, findings: [finding] };
  }
  timing(`check ${check.id} done`);
  const result = {
    id: check.id,
    title: check.title,
    status: outcome.status ?? statusOf(outcome.findings),
    summary: outcome.summary,
    findings: outcome.findings,
    blocks: outcome.blocks ?? []
  };
  return { result, report: outcome.report ?? {} };
}

// src/checks/off-thread.ts
var KIND2 = "check";
async function runCheckOffThread(check, build, options, baseline) {
  if (!check.moduleFree) return null;
  const input = { check: check.id, layout: { ...build.layout, modules: [] }, info: build.info, config: build.config, options, baseline };
  try {
    return await build.offThread({ kind: KIND2, input });
  } catch {
    return null;
  }
}

// src/discover/discover.ts
var import_node_fs15 = __toESM(require_node_fs(), 1);
var import_node_path8 = __toESM(require_node_path(), 1);

// src/discover/placeholder.ts
var import_node_fs14 = __toESM(require_node_fs(), 1);
function isPlaceholderSystemMap(path2) {
  const fd = (0, import_node_fs14.openSync)(path2, "r");
  try {
    const size = (0, import_node_fs14.fstatSync)(fd).size;
    if (size > 4096) return false;
    const buf = Buffer.alloc(size);
    (0, import_node_fs14.readSync)(fd, buf, 0, size, 0);
    const text = buf.toString("utf8");
    return /real System\.map is in/i.test(text) || text.trim().split("\n").filter(Boolean).length < 2;
  } finally {
    (0, import_node_fs14.closeSync)(fd);
  }
}

// src/discover/discover.ts
var MODULE_RE = /\.ko(\.xz|\.zst|\.gz)?$/;
function moduleName(file) {
  return (0, import_node_path8.basename)(file).replace(MODULE_RE, "").replace(/-/g, "_");
}
function discover(input) {
  const dir = input.dir ? (0, import_node_path8.resolve)(input.dir) : void 0;
  if (dir) {
    const st = (0, import_node_fs15.statSync)(dir, { throwIfNoEntry: false });
    if (!st) throw new InputError("io", dir, "no such directory");
    if (!st.isDirectory()) throw new InputError("not-a-file", dir, "is not a directory");
  }
  const root = dir ?? commonRoot(input);
  const refused = [];
  const layout2 = collectingRefusals(
    refused,
    () => dir ? isInstalledLayout(dir) ? discoverInstalled(dir) : discoverKbuild(dir) : { root, kind: "explicit", modules: [], passes: [], missing: [], notes: [] }
  );
  if (refused.length) layout2.refused = refused;
  applyOverrides(layout2, input);
  const usable = layout2.vmlinux || layout2.systemMap || layout2.symvers || layout2.modules.length > 0 || layout2.bootImage || layout2.passes.length > 0;
  if (!usable) {
    throw new InputError(
      "io",
      root,
      `no kernel build found. Looked for: ${layout2.missing.join("; ")}. ` + (refused.length ? `Refused: ${refused.join("; ")}. ` : "") + "Point at a kbuild output directory (O=) or an installed layout, or pass --vmlinux/--system-map/--symvers/--modules-dir."
    );
  }
  return layout2;
}
function commonRoot(input) {
  const first = input.vmlinux ?? input.systemMap ?? input.symvers ?? input.modulesDir ?? input.config ?? input.btfBase;
  return first ? (0, import_node_path8.dirname)((0, import_node_path8.resolve)(first)) : process.cwd();
}
function isInstalledLayout(dir) {
  return !!(dirIn(dir, (0, import_node_path8.join)(dir, "lib/modules")) || dirIn(dir, (0, import_node_path8.join)(dir, "usr/lib/modules")) || dirIn(dir, (0, import_node_path8.join)(dir, "boot")));
}
function discoverKbuild(root) {
  const layout2 = { root, kind: "kbuild", modules: [], passes: [], missing: [], notes: [] };
  const want = (rel2, key) => {
    const p = fileIn(root, (0, import_node_path8.join)(root, rel2));
    if (p) layout2[key] = p;
    else layout2.missing.push(`${rel2} in ${root}`);
    return p;
  };
  want("vmlinux", "vmlinux");
  const unstripped = fileIn(root, (0, import_node_path8.join)(root, "vmlinux.unstripped"));
  if (unstripped) layout2.vmlinuxUnstripped = unstripped;
  want("System.map", "systemMap");
  for (const kind of ["Module.symvers", "vmlinux.symvers", "modules-only.symvers"]) {
    const p = fileIn(root, (0, import_node_path8.join)(root, kind));
    if (p) {
      layout2.symvers = p;
      layout2.symversKind = kind;
      break;
    }
  }
  if (!layout2.symvers) layout2.missing.push(`Module.symvers, vmlinux.symvers or modules-only.symvers in ${root}`);
  want(".config", "config");
  want("modules.order", "modulesOrder");
  for (const [rel2, key] of [
    ["modules.builtin", "modulesBuiltin"],
    ["modules.builtin.modinfo", "modulesBuiltinModinfo"],
    ["modules.builtin.ranges", "modulesBuiltinRanges"],
    ["include/generated/autoksyms.h", "autoksyms"]
  ]) {
    const p = fileIn(root, (0, import_node_path8.join)(root, rel2));
    if (p) layout2[key] = p;
  }
  for (const img of ["arch/x86/boot/bzImage", "arch/arm64/boot/Image.gz", "arch/arm64/boot/Image"]) {
    const p = fileIn(root, (0, import_node_path8.join)(root, img));
    if (p) {
      layout2.bootImage = p;
      break;
    }
  }
  const rel = fileIn(root, (0, import_node_path8.join)(root, "include/config/kernel.release"));
  if (rel) layout2.release = readSmall(rel).trim() || void 0;
  layout2.sourceDir = sourceDirOf(root);
  if (layout2.vmlinux) layout2.btfBase = layout2.vmlinux;
  layout2.passes = findPasses(root);
  layout2.modules = layout2.modulesOrder ? modulesFromOrder(root, layout2.modulesOrder, layout2) : modulesByWalk(root, root);
  return layout2;
}
function sourceDirOf(root) {
  try {
    const link = (0, import_node_fs15.readlinkSync)((0, import_node_path8.join)(root, "source"));
    return (0, import_node_path8.resolve)((0, import_node_fs15.realpathSync)(root), link);
  } catch {
    return fileIn(root, (0, import_node_path8.join)(root, "Kbuild")) && fileIn(root, (0, import_node_path8.join)(root, "Makefile")) ? root : void 0;
  }
}
function findPasses(root) {
  const byPass = /* @__PURE__ */ new Map();
  const get = (n) => {
    let p = byPass.get(n);
    if (!p) byPass.set(n, p = { pass: n });
    return p;
  };
  let oldMap;
  let names2;
  try {
    names2 = (0, import_node_fs15.readdirSync)(root);
  } catch {
    return [];
  }
  for (const name of names2) {
    if (!name.startsWith(".tmp_")) continue;
    const path2 = (0, import_node_path8.join)(root, name);
    let m;
    if (m = /^\.tmp_vmlinux(?:\.kallsyms)?(\d+)$/.exec(name)) get(Number(m[1])).elf = path2;
    else if (m = /^\.tmp_vmlinux(?:\.kallsyms)?(\d+)\.syms$/.exec(name)) get(Number(m[1])).syms = path2;
    else if (m = /^\.tmp_vmlinux(?:\.kallsyms)?(\d+)(?:\.kallsyms)?\.o$/.exec(name)) get(Number(m[1])).kallsymsObject = path2;
    else if (m = /^\.tmp_kallsyms(\d+)\.o$/.exec(name)) get(Number(m[1])).kallsymsObject = path2;
    else if (name === ".tmp_System.map") oldMap = path2;
  }
  const passes = [...byPass.values()].sort((a, b) => a.pass - b.pass);
  if (oldMap) {
    const last = passes.filter((p) => p.pass > 0).at(-1);
    if (last && !last.syms) last.syms = oldMap;
    else if (!last) passes.push({ pass: 2, syms: oldMap });
  }
  return passes.filter((p) => fileOk(root, p.syms) && fileOk(root, p.elf) && fileOk(root, p.kallsymsObject));
}
function fileOk(root, p) {
  return p === void 0 || fileIn(root, p) !== void 0;
}
function modulesFromOrder(root, order, layout2) {
  const out = [];
  for (const line of readSmall(order).split("\n")) {
    const rel = line.trim();
    if (!rel) continue;
    const ko = rel.replace(/\.o$/, ".ko");
    const path2 = (0, import_node_path8.join)(root, ko);
    if (fileIn(root, path2)) out.push({ name: moduleName(ko), path: path2, relPath: ko, compression: "none" });
    else layout2.missing.push(`${ko} (listed in modules.order)`);
    if (out.length > LIMITS.maxModules) throw new InputError("too-large", order, `more than ${LIMITS.maxModules} modules`);
  }
  return out;
}
function modulesByWalk(root, dir, relTo = dir) {
  const symlinks = /* @__PURE__ */ new Set();
  return walkFiles(dir, (n) => MODULE_RE.test(n), LIMITS.maxModules, /* @__PURE__ */ new Set([".git", "source", "build"]), symlinks).flatMap((path2) => {
    if (symlinks.has(path2) && !fileIn(root, path2)) return [];
    const relPath = path2.slice(relTo.length + 1);
    return [{ name: moduleName(path2), path: path2, relPath, compression: compressionOf(path2) }];
  });
}
function discoverInstalled(root) {
  const layout2 = { root, kind: "installed", modules: [], passes: [], missing: [], notes: [] };
  const modRoot = dirIn(root, (0, import_node_path8.join)(root, "lib/modules")) ?? dirIn(root, (0, import_node_path8.join)(root, "usr/lib/modules"));
  const releases = modRoot ? (0, import_node_fs15.readdirSync)(modRoot).filter((r) => dirIn(root, (0, import_node_path8.join)(modRoot, r))).sort() : [];
  let release2 = releases.at(-1);
  if (!release2) {
    const boot = dirIn(root, (0, import_node_path8.join)(root, "boot"));
    const cfg = boot ? (0, import_node_fs15.readdirSync)(boot).find((n) => n.startsWith("config-")) : void 0;
    release2 = cfg?.slice("config-".length);
  }
  if (releases.length > 1) layout2.notes.push(`several releases under lib/modules (${releases.join(", ")}); reviewing ${release2}`);
  if (!release2) {
    layout2.missing.push(`lib/modules/<release>/ or boot/config-<release> in ${root}`);
    return layout2;
  }
  layout2.release = release2;
  const first = (...cands) => {
    for (const c of cands) {
      const p = fileIn(root, (0, import_node_path8.join)(root, c));
      if (p) return p;
    }
    return void 0;
  };
  const headers = `usr/src/linux-headers-${release2}`;
  layout2.vmlinux = first(`usr/lib/debug/boot/vmlinux-${release2}`, `usr/lib/debug/lib/modules/${release2}/vmlinux`, `boot/vmlinux-${release2}`);
  if (!layout2.vmlinux) layout2.missing.push(`usr/lib/debug/boot/vmlinux-${release2} (the -dbg package)`);
  layout2.bootImage = first(`boot/vmlinuz-${release2}`, `boot/Image-${release2}`);
  const realMap = first(`usr/lib/debug/boot/System.map-${release2}`);
  const bootMap = first(`boot/System.map-${release2}`);
  if (bootMap && isPlaceholderSystemMap(bootMap)) {
    layout2.notes.push(`boot/System.map-${release2} is a packaging placeholder, not a symbol map`);
    if (!realMap) layout2.systemMapPlaceholder = true;
  }
  layout2.systemMap = realMap ?? (bootMap && !isPlaceholderSystemMap(bootMap) ? bootMap : void 0);
  if (!layout2.systemMap) layout2.missing.push(`a real System.map (usr/lib/debug/boot/System.map-${release2})`);
  layout2.config = first(`boot/config-${release2}`, `${headers}/.config`);
  const symvers = first(`${headers}/Module.symvers`);
  if (symvers) {
    layout2.symvers = symvers;
    layout2.symversKind = "Module.symvers";
  } else layout2.missing.push(`${headers}/Module.symvers (the linux-headers package)`);
  layout2.btfBase = first(`${headers}/vmlinux`) ?? layout2.vmlinux;
  if (modRoot) {
    const dir = (0, import_node_path8.join)(modRoot, release2);
    layout2.modulesDir = dir;
    for (const [rel, key] of [
      ["modules.order", "modulesOrder"],
      ["modules.builtin", "modulesBuiltin"],
      ["modules.builtin.modinfo", "modulesBuiltinModinfo"],
      ["modules.builtin.ranges", "modulesBuiltinRanges"]
    ]) {
      const p = fileIn(root, (0, import_node_path8.join)(dir, rel));
      if (p) layout2[key] = p;
    }
    layout2.modules = modulesByWalk(root, dir);
  }
  return layout2;
}
function applyOverrides(layout2, input) {
  const file = (p, what) => {
    if (!p) return void 0;
    const abs = (0, import_node_path8.resolve)(p);
    const st = (0, import_node_fs15.statSync)(abs, { throwIfNoEntry: false });
    if (!st) throw new InputError("io", p, `${what}: no such file`);
    if (!st.isFile()) throw new InputError("not-a-file", p, `${what}: ${st.isDirectory() ? "is a directory, expected a file" : "is not a regular file"}`);
    return abs;
  };
  const v = file(input.vmlinux, "--vmlinux");
  if (v) {
    layout2.vmlinux = v;
    if (!input.btfBase) layout2.btfBase = v;
  }
  const sm = file(input.systemMap, "--system-map");
  if (sm) {
    layout2.systemMap = sm;
    layout2.systemMapPlaceholder = isPlaceholderSystemMap(sm);
  }
  const sv = file(input.symvers, "--symvers");
  if (sv) {
    layout2.symvers = sv;
    const b = (0, import_node_path8.basename)(sv);
    layout2.symversKind = b === "vmlinux.symvers" || b === "modules-only.symvers" ? b : "Module.symvers";
  }
  const bb = file(input.btfBase, "--btf-base");
  if (bb) layout2.btfBase = bb;
  const cfg = file(input.config, "--config");
  if (cfg) layout2.config = cfg;
  if (input.modulesDir) {
    const d = (0, import_node_path8.resolve)(input.modulesDir);
    const st = (0, import_node_fs15.statSync)(d, { throwIfNoEntry: false });
    if (!st?.isDirectory()) throw new InputError("not-a-file", input.modulesDir, "--modules-dir: not a directory");
    layout2.modulesDir = d;
    layout2.modules = modulesByWalk((0, import_node_fs15.realpathSync)(d), d);
  }
}
function readSmall(path2) {
  const st = (0, import_node_fs15.statSync)(path2);
  if (st.size > LIMITS.maxTextBytes) throw new InputError("too-large", path2, "file too large");
  return (0, import_node_fs15.readFileSync)(path2, "utf8");
}

// src/parse/kconfig.ts
function parseKconfig(text) {
  const out = /* @__PURE__ */ new Map();
  for (const raw of text.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (!line.startsWith("CONFIG_")) continue;
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    const key = line.slice(7, eq);
    let value = line.slice(eq + 1);
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1).replace(/\\(["\\])/g, "$1");
    }
    out.set(key, value);
  }
  return out;
}

// src/model/open-build.ts
var import_node_fs16 = __toESM(require_node_fs(), 1);
var import_node_path9 = __toESM(require_node_path(), 1);
var CONFIG_KEYS = [
  "MODULES",
  "MODVERSIONS",
  "MODULE_SIG",
  "MODULE_COMPRESS_XZ",
  "MODULE_COMPRESS_ZSTD",
  "MODULE_COMPRESS_GZIP",
  "KALLSYMS",
  "KALLSYMS_ALL",
  "KALLSYMS_ABSOLUTE_PERCPU",
  "KALLSYMS_BASE_RELATIVE",
  "DEBUG_INFO_BTF",
  "DEBUG_INFO_BTF_MODULES",
  "MODULE_ALLOW_BTF_MISMATCH",
  "TRIM_UNUSED_KSYMS",
  "UNUSED_KSYMS_WHITELIST",
  "VMLINUX_MAP",
  "BUILTIN_MODULE_RANGES",
  "LTO_CLANG",
  "RELOCATABLE",
  "RANDOMIZE_BASE",
  "SMP",
  "64BIT"
];
var ARCH_BY_CONFIG = [
  ["X86_64", "x86_64"],
  ["X86_32", "x86"],
  ["ARM64", "arm64"],
  ["ARM", "arm"],
  ["RISCV", "riscv"],
  ["PPC", "powerpc"],
  ["S390", "s390"],
  ["LOONGARCH", "loongarch"],
  ["MIPS", "mips"]
];
function openBuild(input, pool = {}, analysis = {}) {
  const layout2 = discover(input);
  let config = null;
  if (layout2.config) {
    const name = (0, import_node_path9.relative)(layout2.root, layout2.config).startsWith("..") ? layout2.config : (0, import_node_path9.relative)(layout2.root, layout2.config);
    const size = (0, import_node_fs16.statSync)(layout2.config).size;
    if (size > LIMITS.maxTextBytes) (layout2.refused ??= []).push(`${name}: ${size} bytes is more than the ${LIMITS.maxTextBytes}-byte text limit; reviewed without it`);
    else {
      try {
        config = parseKconfig((0, import_node_fs16.readFileSync)(layout2.config, "utf8"));
      } catch (err) {
        throw new InputError("io", name, `cannot read .config: ${err.message}`);
      }
    }
  }
  return new Build(layout2, buildInfo(layout2, config), config, pool, analysis);
}
function buildInfo(layout2, config) {
  const picked = {};
  for (const k of CONFIG_KEYS) {
    const v = config?.get(k);
    if (v !== void 0) picked[k] = v;
  }
  let arch = null;
  for (const [k, a] of ARCH_BY_CONFIG) if (config?.get(k) === "y") {
    arch = a;
    break;
  }
  if (!arch && layout2.vmlinux) {
    try {
      const elf = ElfFile.open(new FileSource(layout2.vmlinux));
      arch = MACHINE_NAMES[elf.machine] ?? null;
      elf.close();
    } catch {
      arch = null;
    }
  }
  const release2 = layout2.release ?? null;
  return { release: release2, version: parseKernelVersion(release2), arch, layout: layout2.kind, config: picked };
}

// src/report/schema.ts
var TOOL_VERSION = "0.1.0";

// src/model/json-shape.ts
function checkJsonShape(text, file, what) {
  let containers = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (; ; ) {
        const q = text.indexOf('"', i + 1);
        if (q < 0) return;
        let b = q - 1;
        while (text.charCodeAt(b) === 92) b--;
        i = q;
        if ((q - 1 - b) % 2 === 0) break;
      }
    } else if (c === 91 || c === 123) {
      if (++containers > LIMITS.maxJsonContainers) {
        throw new InputError("too-large", file, `${what}: more than ${LIMITS.maxJsonContainers} objects and arrays`);
      }
      if (++depth > LIMITS.maxJsonDepth) throw new InputError("too-large", file, `${what}: nested more than ${LIMITS.maxJsonDepth} deep`);
    } else if (c === 93 || c === 125) depth--;
  }
}

// src/snapshot/io.ts
var import_node_fs17 = __toESM(require_node_fs(), 1);
var import_node_util5 = __toESM(require_node_util(), 1);
var import_node_zlib4 = __toESM(require_node_zlib(), 1);
var gunzipAsync3 = (0, import_node_util5.promisify)(import_node_zlib4.gunzip);
async function writeSnapshot(path2, s) {
  const json = JSON.stringify(s);
  (0, import_node_fs17.writeFileSync)(path2, path2.endsWith(".gz") ? (0, import_node_zlib4.gzipSync)(json) : json);
}
async function parseSnapshot(bytes2, file) {
  let data = bytes2;
  if (bytes2[0] === 31 && bytes2[1] === 139) {
    try {
      data = await gunzipAsync3(bytes2, { maxOutputLength: LIMITS.maxTextBytes, chunkSize: gunzipChunkSize(bytes2, LIMITS.maxTextBytes) });
    } catch (err) {
      throw new InputError("bad-value", file, `corrupt gzip: ${err.message}`);
    }
  }
  let value;
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8");
  checkJsonShape(text, file, "snapshot");
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError("bad-value", file, `not a snapshot: ${err.message}`);
  }
  const s = value;
  if (!s || typeof s !== "object" || s.kind !== "kbuild-review-snapshot") {
    throw new InputError("bad-magic", file, 'not a kbuild-review snapshot (no "kind": "kbuild-review-snapshot")');
  }
  if (s.schemaVersion !== 1) throw new InputError("unsupported", file, `snapshot schema version ${JSON.stringify(s.schemaVersion ?? null).slice(0, 40)}, this tool reads 1`);
  if (!s.info || typeof s.info !== "object" || !s.checks || typeof s.checks !== "object" || Array.isArray(s.checks)) {
    throw new InputError("bad-value", file, 'snapshot lacks "info" or "checks"');
  }
  return s;
}
async function readSnapshot(path2) {
  let bytes2;
  try {
    const { size } = (0, import_node_fs17.statSync)(path2);
    if (size > LIMITS.maxTextBytes) throw new InputError("too-large", path2, `${size} bytes is more than a snapshot can be`);
    bytes2 = (0, import_node_fs17.readFileSync)(path2);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError("io", path2, `cannot read: ${err.code ?? String(err)}`);
  }
  return parseSnapshot(bytes2, path2);
}

// src/engine.ts
function selectedChecks(options) {
  if (options.only.length === 0) return [...CHECKS];
  const unknown = options.only.filter((id) => !CHECKS.some((c) => c.id === id));
  if (unknown.length) throw new InputError("bad-value", "--only", `unknown check ${unknown.join(", ")}; known: ${CHECKS.map((c) => c.id).join(", ")}`);
  return CHECKS.filter((c) => c.id === "inventory" || options.only.includes(c.id));
}
async function snapshotChecks(build, checks, options) {
  const out = /* @__PURE__ */ new Map();
  await Promise.all(
    checks.map(async (c) => {
      const snap = await snapshotOf2(c, build, options);
      if (snap !== void 0) out.set(c.id, snap);
    })
  );
  return out;
}
async function loadBaseline(req, checks) {
  if (!req.baseline) return null;
  const st = (0, import_node_fs18.statSync)(req.baseline, { throwIfNoEntry: false });
  if (!st) throw new InputError("io", req.baseline, "baseline: no such file or directory");
  if (st.isFile()) return readSnapshot(req.baseline);
  const base = openBuild({ dir: req.baseline }, jobsOf(req));
  try {
    const parts = await snapshotChecks(base, checks, req.options);
    return toSnapshot(base, parts, req.options.configKey);
  } finally {
    base.close();
  }
}
function jobsOf(req) {
  return req.jobs === void 0 ? {} : { jobs: req.jobs };
}
function toSnapshot(build, parts, configKey, commit) {
  const snap = {
    schemaVersion: 1,
    kind: "kbuild-review-snapshot",
    configKey,
    createdAt: (/* @__PURE__ */ new Date()).toISOString(),
    info: build.info,
    checks: Object.fromEntries(parts)
  };
  if (commit) snap.commit = commit;
  return snap;
}
function openReviewed(req, analysis = {}) {
  const spares = req.jobs === 0 ? null : new SpareWorkers(req.jobs ?? (0, import_node_os4.availableParallelism)());
  try {
    const build = openBuild(req.input, spares ? { ...jobsOf(req), spares } : jobsOf(req), analysis);
    if (spares && build.layout.modules.length === 0) void spares.stop();
    return build;
  } catch (err) {
    void spares?.stop();
    throw err;
  }
}
async function takeSnapshot(req, meta = {}) {
  const checks = selectedChecks(req.options);
  const build = openReviewed(req);
  try {
    return toSnapshot(build, await snapshotChecks(build, checks, req.options), req.options.configKey, meta.commit);
  } finally {
    build.close();
  }
}
function tellBaseline(check, build, baseline) {
  try {
    check.withBaseline?.(build, baseline);
  } catch {
  }
}
async function review(req) {
  const checks = selectedChecks(req.options);
  const baselineFile = !!req.baseline && !!(0, import_node_fs18.statSync)(req.baseline, { throwIfNoEntry: false })?.isFile();
  const early = baselineFile ? loadBaseline(req, checks) : null;
  early?.catch(() => void 0);
  const build = openReviewed(req, { sizeTables: req.baseline ? "baseline" : "none" });
  if (build.layout.modules.length) {
    void build.modules().then(
      () => timing(`${build.layout.modules.length} modules analyzed`),
      () => void 0
    );
  }
  const label = req.baselineLabel ?? req.baseline ?? "";
  const baselineFor = (snap, c) => ({
    info: snap.info,
    label: snap.commit ? `${label} (${snap.commit})` : label,
    data: snap.checks[c.id] ?? null
  });
  const loading = (early ?? loadBaseline(req, checks)).then((snap) => {
    if (snap) for (const c of checks) tellBaseline(c, build, baselineFor(snap, c));
    if (snap) timing("baseline loaded");
    return snap;
  });
  loading.catch(() => void 0);
  if (baselineFile) await loading.catch(() => void 0);
  const results = [];
  const extra = {};
  const outcomes = await Promise.all(
    checks.map(async (c) => {
      const baselineOf = (snap) => snap ? baselineFor(snap, c) : null;
      if (c.moduleFree) {
        const off = await runCheckOffThread(c, build, req.options, baselineOf(await loading));
        if (off) return off;
      }
      const [baselineSnap2, current] = await Promise.all([loading, snapshotOf2(c, build, req.options)]);
      return runCheck(c, build, req.options, current, baselineOf(baselineSnap2));
    })
  );
  const baselineSnap = await loading;
  for (const { result, report } of outcomes) {
    results.push(result);
    Object.assign(extra, report);
  }
  build.close();
  timing("checks done");
  return assembleReport(build, req, results, extra, baselineSnap, label);
}
function assembleReport(build, req, checks, extra, baseline, label) {
  const all = checks.flatMap((c) => c.findings);
  const count2 = (s) => all.filter((f) => f.severity === s).length;
  const errors = count2("error");
  const warnings = count2("warning");
  const artifacts = {};
  const l = build.layout;
  for (const [k, v] of Object.entries({
    vmlinux: l.vmlinux,
    bootImage: l.bootImage,
    systemMap: l.systemMap,
    symvers: l.symvers,
    config: l.config,
    modulesOrder: l.modulesOrder,
    modulesBuiltin: l.modulesBuiltin,
    modulesBuiltinRanges: l.modulesBuiltinRanges,
    btfBase: l.btfBase,
    modulesDir: l.modulesDir
  })) {
    if (v) artifacts[k] = build.rel(v);
  }
  return {
    ...extra,
    schemaVersion: 1,
    tool: { name: "kbuild-review", version: TOOL_VERSION },
    configKey: req.options.configKey,
    build: {
      release: build.info.release,
      version: build.info.version,
      arch: build.info.arch,
      layout: build.info.layout,
      root: l.root,
      artifacts
    },
    baseline: baseline ? { label: baseline.commit ? `${label} (${baseline.commit})` : label, release: baseline.info.release } : null,
    verdict: { status: errors ? "fail" : warnings ? "warn" : "pass", errors, warnings, notices: count2("notice") },
    checks
  };
}
function failsOn(report, failOn) {
  if (failOn === "never") return false;
  return failOn === "warning" ? report.verdict.errors + report.verdict.warnings > 0 : report.verdict.errors > 0;
}

// src/report/json.ts
function renderJson(report) {
  return JSON.stringify(report, null, 2) + "\n";
}

// src/report/text.ts
var MARK = { pass: "ok", warn: "WARN", fail: "FAIL", skip: "skip" };
function renderText(report, opts = {}) {
  const v = report.verdict;
  const out = [
    `kbuild-review ${report.tool.version}: ${v.status.toUpperCase()} (${v.errors} errors, ${v.warnings} warnings, ${v.notices} notices)` + (report.baseline ? `, compared with ${safeTerminal(report.baseline.label)}` : "")
  ];
  for (const c of report.checks) {
    out.push("", `[${MARK[c.status]}] ${c.title}: ${safeTerminal(c.summary)}`);
    for (const f of c.findings) {
      const where = [f.file && (f.line ? `${f.file}:${f.line}` : f.file), f.module && `module ${f.module}`].filter(Boolean).join(", ");
      out.push(`  ${f.severity} ${f.code}: ${safeTerminal(f.message)}${where ? ` (${safeTerminal(where)})` : ""}`);
    }
    if (opts.details || c.status === "fail" || c.status === "warn") for (const x of renderBlocksText(c.blocks, "  ")) out.push(x);
  }
  return out.join("\n") + "\n";
}

// src/model/options.ts
function defaultOptions(overrides = {}) {
  return {
    symbolLists: [],
    strictSymbolList: false,
    extraModules: [],
    btfBaseRef: "required-for-external",
    sizeBudget: null,
    failOn: "error",
    configKey: "default",
    only: [],
    ...overrides
  };
}

// src/cli/review-options.ts
function addBuildFlags(cmd) {
  return cmd.option("--vmlinux <file>", "vmlinux to use instead of the discovered one").option("--system-map <file>", "System.map to use").option("--symvers <file>", "Module.symvers / vmlinux.symvers / modules-only.symvers to use").option("--modules-dir <dir>", "directory of modules (.ko, .ko.xz, .ko.zst, .ko.gz) to use").option("--btf-base <file>", "vmlinux (or BTF-only vmlinux) that module BTF is checked against").option("--config <file>", "kernel .config to use").option("--symbol-list <file>", "symbol list to check (repeatable)", collect, []).option("--strict-symbol-list", "require the symbol list and the built exports to match one to one").option("--extra-modules <dir>", "out-of-tree/vendor modules resolved against the exports (repeatable)", collect, []).addOption(new Option("--btf-base-ref <policy>", ".BTF.base policy").choices(["required-for-external", "required", "off"]).default("required-for-external")).option("--size-budget <spec>", 'size growth budget, e.g. "total=+1%,module=+64KiB"').option("--config-key <key>", "name of this build configuration in reports and snapshots", "default").option("--only <ids>", "run only these checks (comma-separated ids)").option("-j, --jobs <n>", "worker threads for module analysis (default: one per core)", toInt);
}
function collect(value, previous) {
  return [...previous, value];
}
function toInt(v) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a non-negative integer: ${v}`);
  return n;
}
function discoverInput(dir, f) {
  const input = {};
  if (dir) input.dir = dir;
  for (const k of ["vmlinux", "systemMap", "symvers", "modulesDir", "btfBase", "config"]) {
    const v = f[k];
    if (v) input[k] = v;
  }
  return input;
}
function reviewOptions(f) {
  return defaultOptions({
    symbolLists: f.symbolList,
    strictSymbolList: !!f.strictSymbolList,
    extraModules: f.extraModules,
    btfBaseRef: f.btfBaseRef,
    sizeBudget: f.sizeBudget ?? null,
    failOn: f.failOn ?? "error",
    configKey: f.configKey,
    only: f.only ? f.only.split(",").map((s) => s.trim()).filter(Boolean) : []
  });
}

// src/cli/demo.ts
var import_node_fs19 = __toESM(require_node_fs(), 1);
var import_node_path10 = __toESM(require_node_path(), 1);
function demoSample(fromFile) {
  let dir = (0, import_node_path10.dirname)(fromFile);
  for (let i = 0; i < 6; i++) {
    const sample = (0, import_node_path10.join)(dir, "sample");
    if ((0, import_node_fs19.existsSync)((0, import_node_path10.join)(sample, "build"))) {
      return { build: (0, import_node_path10.join)(sample, "build"), baseline: (0, import_node_path10.join)(sample, "base.snapshot.json.gz"), btfBase: (0, import_node_path10.join)(sample, "build", "vmlinux.btf") };
    }
    dir = (0, import_node_path10.dirname)(dir);
  }
  throw new InputError("io", "sample/", "the embedded sample build is missing from this installation");
}

// src/cli/check-command.ts
function registerCheck(program2) {
  addBuildFlags(
    program2.command("check").description("review a kernel build (exit 1 when findings reach --fail-on, 2 on usage or input errors)").argument("[build]", "kbuild output directory (O=) or installed layout").option("--baseline <build-or-snapshot>", "base build directory or snapshot file to compare with").addOption(new Option("--format <format>", "report format").choices(["text", "markdown", "json"]).default("text")).option("-o, --output <file>", "write the report here instead of stdout").addOption(new Option("--fail-on <level>", "exit 1 at this severity").choices(["error", "warning", "never"]).default("error")).option("--demo", "review the embedded sample build (prints the PR comment it would post)")
  ).action(async (dir, flags, cmd) => {
    if (flags.demo) {
      const sample = demoSample((0, import_node_url.fileURLToPath)(import.meta.url));
      dir = sample.build;
      flags.baseline ??= sample.baseline;
      flags.btfBase ??= sample.btfBase;
      if (cmd.getOptionValueSource("format") === "default") flags.format = "markdown";
    }
    if (!dir && !flags.vmlinux && !flags.systemMap && !flags.symvers && !flags.modulesDir) {
      throw new UsageError("check needs a build directory (or --vmlinux/--system-map/--symvers/--modules-dir)");
    }
    const options = reviewOptions(flags);
    const report = await review({ input: discoverInput(dir, flags), baseline: flags.baseline ?? null, options, ...flags.jobs === void 0 ? {} : { jobs: flags.jobs } });
    const text = flags.format === "json" ? renderJson(report) : flags.format === "markdown" ? (await Promise.resolve().then(() => (init_markdown(), markdown_exports))).renderMarkdown(report) : renderText(report);
    timing("report rendered");
    if (flags.output) (0, import_node_fs20.writeFileSync)(flags.output, text);
    else process.stdout.write(text);
    process.exitCode = failsOn(report, options.failOn) ? 1 : 0;
  });
}
var UsageError = class extends Error {
};

// src/cli/snapshot-command.ts
function registerSnapshot(program2) {
  addBuildFlags(
    program2.command("snapshot").description("write a compact snapshot of a build for later comparisons (gzip when FILE ends in .gz)").argument("[build]", "kbuild output directory (O=) or installed layout").requiredOption("-o, --output <file>", "snapshot file to write").option("--commit <sha>", "commit the build was made from (stored in the snapshot)")
  ).action(async (dir, flags) => {
    const snap = await takeSnapshot(
      { input: discoverInput(dir, flags), options: reviewOptions(flags), ...flags.jobs === void 0 ? {} : { jobs: flags.jobs } },
      flags.commit ? { commit: flags.commit } : {}
    );
    await writeSnapshot(flags.output, snap);
  });
}

// src/cli/symbols-command.ts
var NEWLINE2 = Buffer.from("\n");
function registerSymbols(program2) {
  program2.command("symbols").description("list every module's symbols in nm format (module files decompressed as needed)").argument("<dir>", "build directory, installed layout or directory of modules").option("-S, --print-size", "print symbol sizes too, as nm -S").option("-j, --jobs <n>", "worker threads (default: one per core)", (v) => Number(v)).action(async (dir, flags) => {
    const layout2 = discover({ dir, modulesDir: dir });
    let failed2 = 0;
    const chunks = [];
    let pending = 0;
    const flush = () => {
      if (chunks.length) process.stdout.write(Buffer.concat(chunks));
      chunks.length = 0;
      pending = 0;
    };
    await analyzeModules(
      layout2.modules,
      { analyzers: ["symbols"], symbolSizes: !!flags.printSize },
      {
        ...flags.jobs === void 0 ? {} : { jobs: flags.jobs },
        onResult(m) {
          if (m.error) {
            process.stderr.write(`kbuild-review: ${safeTerminal(m.error)}
`);
            failed2++;
            return;
          }
          const listing = m.facts.symbols;
          chunks.push(Buffer.from(`
${safeTerminal(m.relPath)}:
`));
          if (listing?.length) chunks.push(listing, NEWLINE2);
          pending += listing?.length ?? 0;
          if (pending > 1 << 20) flush();
        }
      }
    );
    flush();
    if (failed2) process.exitCode = 2;
  });
}

// src/cli/main.ts
async function main(argv) {
  const program2 = new Command().name("kbuild-review").description("Review the build output of a Linux kernel: symbol lists, kallsyms passes, module BTF, exports, sizes").version(TOOL_VERSION).exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of [registerCheck, registerSnapshot, registerSymbols, ...COMMANDS]) register(program2);
  try {
    await program2.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const prefix = err instanceof InputError || err instanceof UsageError ? "" : "internal error: ";
    process.stderr.write(`kbuild-review: ${prefix}${describeError(err)}
`);
    return 2;
  }
}

// src/runtime/exit.ts
var CLOSED_PIPE_STATUS = 141;
function endQuietlyOnClosedPipe() {
  process.stdout.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(CLOSED_PIPE_STATUS);
    throw err;
  });
}
async function exitWhenFlushed(status) {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(status);
}
function flushed(stream) {
  return new Promise((resolve4) => {
    try {
      stream.write("", () => resolve4());
    } catch {
      resolve4();
    }
  });
}

// src/cli-main.ts
endQuietlyOnClosedPipe();
await exitWhenFlushed(await main(process.argv));
