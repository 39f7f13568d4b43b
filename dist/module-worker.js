import { createRequire as __kbrCreateRequire } from 'node:module'; const require = __kbrCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
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

// node_modules/xz-decompress/dist/package/xz-decompress.js
var require_xz_decompress = __commonJS({
  "node_modules/xz-decompress/dist/package/xz-decompress.js"(exports, module) {
    (function webpackUniversalModuleDefinition(root, factory) {
      if (typeof exports === "object" && typeof module === "object")
        module.exports = factory(__require("stream/web"));
      else if (typeof define === "function" && define.amd)
        define(["stream/web"], factory);
      else if (typeof exports === "object")
        exports["xz-decompress"] = factory(__require("stream/web"));
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
                return new Promise((resolve) => {
                  this.waitQueue.push(resolve);
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

// src/load/module-worker.ts
import { parentPort } from "node:worker_threads";

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

// src/load/analyze-module.ts
import { statSync } from "node:fs";

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

// src/bytes/source.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

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
  constructor(bytes, file) {
    this.bytes = bytes;
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
  constructor(path, file = path, arena2) {
    this.file = file;
    this.arena = arena2;
    try {
      this.fd = openSync(path, "r");
    } catch (err) {
      throw new InputError("io", file, `cannot open: ${err.code ?? String(err)}`);
    }
    const st = fstatSync(this.fd);
    if (!st.isFile()) {
      closeSync(this.fd);
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
      const n = readSync(this.fd, buf, done, length - done, offset + done);
      if (n === 0) throw new InputError("truncated", this.file, `${what}: file shrank while reading`, offset + done);
      done += n;
    }
    return buf;
  }
  close() {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
};

// src/bytes/reader.ts
var ByteReader = class {
  bytes;
  view;
  le;
  file;
  constructor(bytes, littleEndian, file) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
function cString(bytes, offset) {
  if (offset < 0 || offset >= bytes.length) return void 0;
  const end = bytes.indexOf(0, offset);
  if (end < 0) return void 0;
  return decodeAscii(bytes, offset, end);
}
function decodeAscii(bytes, start, end) {
  if (end - start < 64) {
    let s = "";
    for (let i = start; i < end; i++) {
      const c = bytes[i];
      if (c >= 128) return utf8.decode(bytes.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  const sub = bytes.subarray(start, end);
  for (let i = 0; i < sub.length; i++) if (sub[i] >= 128) return utf8.decode(sub);
  return latin1.decode(sub);
}

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
  static fromBytes(bytes, file) {
    return _ElfFile.open(new BufferSource(bytes, file));
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
      let names;
      if (shstrndx !== SHN_UNDEF) {
        const strSec = raw[shstrndx];
        if (!strSec) throw new InputError("bad-value", file, `section name table index ${shstrndx} is out of range (${shnum} sections)`);
        names = source.read(strSec.offset, strSec.size, "section name table");
      }
      for (const { nameOff, ...s } of raw) {
        let name = "";
        if (names && nameOff !== 0) {
          const n = cString(names, nameOff);
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
    const count = Math.floor(sec.size / entsize);
    if (count > MAX_SYMBOLS) throw new InputError("too-large", this.file, `${sec.name}: ${count} symbols is more than accepted`);
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
    return { section: sec, count, entsize, entries, strings, stringSection: strSec, extendedIndex, name };
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
  symbolsNamed(names, sec) {
    const table = this.symbolTable(sec);
    if (!table) return [];
    const byFirst = Array.from({ length: 256 }, () => []);
    for (const n of names) {
      const w = new Uint8Array(Buffer.from(n, "utf8"));
      if (w.length) byFirst[w[0]].push(w);
    }
    const { count, entsize, entries, strings } = table;
    const end = strings.length;
    const out = [];
    for (let i = 1; i < count; i++) {
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
    const count = Math.floor(sec.size / entsize);
    const out = new Array(count);
    for (let i = 0; i < count; i++) {
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
      const bytes = r.slice(nameStart, namesz, "note name");
      const desc = r.slice(descStart, descsz, "note descriptor");
      const nul = bytes.indexOf(0);
      out.push({ name: Buffer.from(bytes.subarray(0, nul < 0 ? bytes.length : nul)).toString("latin1"), type, desc });
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

// src/load/decompress.ts
var import_xz_decompress = __toESM(require_xz_decompress(), 1);
import { promisify } from "node:util";
import { gunzip, zstdDecompress } from "node:zlib";

// src/load/xz-index.ts
function xzUncompressedSize(bytes, file) {
  let end = bytes.length;
  let total = 0;
  let streams = 0;
  while (end > 0) {
    while (end >= 4 && bytes[end - 1] === 0 && bytes[end - 2] === 0 && bytes[end - 3] === 0 && bytes[end - 4] === 0) end -= 4;
    if (end === 0) break;
    if (end < 24) throw new InputError("truncated", file, "xz stream too short for header and footer");
    const footer = end - 12;
    if (bytes[footer + 10] !== 89 || bytes[footer + 11] !== 90) throw new InputError("bad-magic", file, "no xz stream footer magic", footer + 10);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const indexSize = (dv.getUint32(footer + 4, true) + 1) * 4;
    const indexStart = footer - indexSize;
    if (indexStart < 12) throw new InputError("bad-value", file, `xz index size ${indexSize} does not fit the stream`, footer + 4);
    let o = indexStart;
    if (bytes[o++] !== 0) throw new InputError("bad-value", file, "xz index indicator is not 0", indexStart);
    const varint = () => {
      let v = 0;
      for (let shift = 0; shift < 63; shift += 7) {
        if (o >= footer) throw new InputError("truncated", file, "xz index ends inside a number", o);
        const b = bytes[o++];
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
var gunzipAsync = promisify(gunzip);
var zstdAsync = promisify(zstdDecompress);
async function decompress(bytes, kind, file, maxBytes = LIMITS.maxDecompressedBytes) {
  try {
    switch (kind) {
      case "none":
        return bytes;
      // The callback forms, not gunzipSync/zstdDecompressSync: Node 24's sync forms leave their
      // stream open when the data is corrupt (16 KiB and the native state kept per call: 1.3 GB
      // after 20,000 corrupt gzips; a fuzz run's memory grew this way). Default 16 KiB pieces
      // for zstd: Node goes on to a next frame only when a piece is full at the end of one (as
      // the kernel's module_zstd_decompress does with pages), so a frame-sized piece would
      // silently stop a multi-frame stream after its first frame.
      case "gzip":
        return await gunzipAsync(bytes, { maxOutputLength: maxBytes });
      case "zstd":
        return await zstdAsync(bytes, { maxOutputLength: maxBytes });
      case "xz":
        return await xzDecompress(bytes, file, maxBytes);
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
async function xzDecompress(bytes, file, maxBytes) {
  if (bytes.length < 6 || bytes[0] !== 253 || bytes[1] !== 55 || bytes[2] !== 122 || bytes[3] !== 88) {
    throw new InputError("bad-magic", file, "not xz data (bad magic)", 0);
  }
  let declared;
  try {
    declared = xzUncompressedSize(bytes, file);
  } catch {
    declared = void 0;
  }
  if (declared !== void 0 && declared > maxBytes) {
    throw new InputError("too-large", file, `xz data expands beyond the ${maxBytes}-byte limit (its index declares ${declared} bytes)`);
  }
  const input = new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    }
  });
  const reader = new import_xz_decompress.default.XzReadableStream(input).getReader();
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

// src/load/signature.ts
var MAGIC = Buffer.from("~Module signature appended~\n", "latin1");
var INFO_SIZE = 12;
function splitSignature(bytes) {
  const trailer = signatureTrailerBytes(bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)), bytes.length);
  return { elf: trailer ? bytes.subarray(0, bytes.length - trailer) : bytes, signatureBytes: trailer };
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
  const st = statSync(mod.path, { throwIfNoEntry: false });
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
  const bytes = await decompress(raw, mod.compression, mod.relPath);
  const { elf, signatureBytes } = splitSignature(bytes);
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
async function analyzeModule(mod, analyzers, options, memo2, preloaded, hints) {
  const summary = emptySummary(mod);
  arena.hold();
  try {
    return await analyzeHeld(mod, analyzers, options, memo2, summary, preloaded, hints);
  } finally {
    arena.release();
  }
}
async function analyzeHeld(mod, analyzers, options, memo2, summary, preloaded, hints) {
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
        const ctx = { module: mod, options, memo: memo2 };
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

// src/load/vermagic.ts
var VERMAGIC = Buffer.from("vermagic=");
function vermagicIn(modinfo) {
  const bytes = Buffer.from(modinfo.buffer, modinfo.byteOffset, modinfo.byteLength);
  for (let at = bytes.indexOf(VERMAGIC); at >= 0; at = bytes.indexOf(VERMAGIC, at + 1)) {
    if (at > 0 && bytes[at - 1] !== 0) continue;
    let end = bytes.indexOf(0, at);
    if (end < 0) end = bytes.length;
    return bytes.toString("latin1", at + VERMAGIC.length, end);
  }
  return void 0;
}
function vermagicOf(elf) {
  const sec = elf.section(".modinfo");
  return sec ? vermagicIn(elf.data(sec)) : void 0;
}

// src/btf/btf.ts
import { endianness } from "node:os";

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
var KSYM_NAME_LEN = 512;
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
function isValidIdentifier(bytes, pos) {
  const n = bytes.length;
  if (pos >= n || IDENT_FIRST[bytes[pos]] === 0) return false;
  let p = pos + 1;
  while (p < n && IDENT_REST[bytes[p]] === 1) p++;
  return p < n && bytes[p] === 0 && p - pos <= KSYM_NAME_LEN;
}
function isValidSectionName(bytes, pos) {
  if (pos >= bytes.length || bytes[pos] === 0) return false;
  const limit = pos + KSYM_NAME_LEN;
  let p = pos;
  while (p < bytes.length && bytes[p] !== 0 && p < limit) {
    if ((CTYPE[bytes[p]] & PRINT) === 0) return false;
    p++;
  }
  return p < bytes.length && bytes[p] === 0;
}
function cStringAt(bytes, pos) {
  let end = bytes.indexOf(0, pos);
  if (end < 0) end = bytes.length;
  return Buffer.from(bytes.buffer, bytes.byteOffset + pos, end - pos).toString("latin1");
}

// src/btf/btf.ts
var HOST_LE = endianness() === "LE";
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
function parseBtf(bytes, file, opts = {}) {
  const base = opts.base ?? null;
  const encoding = opts.encoding ?? WIDE_INFO;
  const { header, littleEndian } = parseHeader(bytes, file);
  const data = bytes.subarray(header.hdrLen);
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
function parseHeader(bytes, file) {
  if (bytes.length < 8)
    throw new InputError("truncated", file, `BTF is ${bytes.length} bytes, too short for a BTF header`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
  if (hdrLen > bytes.length)
    throw new InputError(
      "truncated",
      file,
      `BTF hdr_len ${hdrLen} is beyond the ${bytes.length} bytes of data`,
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
  const dataLen = bytes.length - hdrLen;
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
function nativeWords(section, littleEndian) {
  const n = section.length >>> 2;
  const words = new Uint32Array(n);
  if (littleEndian === HOST_LE) {
    new Uint8Array(words.buffer).set(section.subarray(0, n * 4));
  } else {
    const dv = new DataView(section.buffer, section.byteOffset, n * 4);
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
    const bytes = recordBytes(kind, info & encoding.vlenMask, layout2);
    if (bytes === void 0) {
      throw new InputError(
        "unsupported",
        file,
        kind === 0 ? `BTF type [${id}] has kind 0, which no BTF defines` : `BTF type [${id}] has kind ${kind}, newer than the kinds this tool knows (up to ${KINDS.length - 1}) and the BTF has no layout section to skip it`
      );
    }
    if (w * 4 + bytes > typeLen) {
      throw new InputError(
        "truncated",
        file,
        `BTF type [${id}] ${kindName(kind)} needs ${bytes} bytes at offset ${w * 4} of the type section but it ends at ${typeLen}`
      );
    }
    recs.push(w);
    w += bytes >>> 2;
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
  type(msg, details = true, errno = ERRNO.EINVAL) {
    this.v.add(
      `[${this.v.currentId}] ${kindName(this.kind)} ${this.v.nameForLog(this.nameOff)}${details ? " " : ""}`
    );
    if (details) for (const d of this.details()) this.v.add(d);
    if (msg) {
      this.v.add(" ");
      this.v.add(msg);
    }
    this.v.add("\n");
    this.v.stopAt(errno, true);
  }
  needs(bytes) {
    if (this.metaLeft < bytes) this.type(`meta_left:${this.metaLeft} meta_needed:${bytes}`, false);
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
    const bytes = roundupBytes(bits);
    return (bits & 7) === 0 && (d >>> 16 & 255) === 0 && (bytes === 1 || bytes === 2 || bytes === 4 || bytes === 8 || bytes === 16);
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

// src/model/build-info.ts
function parseKernelVersion(release) {
  if (!release) return null;
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(release);
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}
function atLeast(v, major, minor) {
  if (!v) return false;
  return v.major > major || v.major === major && v.minor >= minor;
}

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
  const release = vermagic?.trim().split(/\s+/)[0] ?? "";
  let rules = byRelease.get(release);
  if (!rules) {
    if (byRelease.size >= 64) byRelease.clear();
    byRelease.set(release, rules = rulesFor(parseKernelVersion(release || void 0)));
  }
  return rules;
}
var byRelease = /* @__PURE__ */ new Map();

// src/btf/vmlinux-btf.ts
function readBtfSection(path) {
  const src = new FileSource(path);
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
function loadVmlinuxBtf(path, rules) {
  let sec;
  try {
    sec = readBtfSection(path);
    if (!sec) return { file: path, bytes: 0, error: `${path} has no .BTF section` };
    const btf = parseBtf(sec.bytes, path, { encoding: rules.info, checkRefs: false });
    return {
      file: path,
      btf,
      resolver: new BtfResolver(btf, null, sec.is64 ? 8 : 4),
      bytes: sec.bytes.length
    };
  } catch (err) {
    return {
      file: path,
      bytes: sec?.bytes.length ?? 0,
      error: err instanceof InputError ? err.message : describeError(err)
    };
  }
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
    const bytes = elf.data(sec);
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
    const loaded = verifyLoad({ bytes, file, littleEndian: elf.littleEndian, base: against, rules });
    let btf;
    if (loaded.ok) {
      btf = loaded.btf;
      fact.types = btf.count;
    } else {
      fact.load = loaded.failure;
      if (distBytes || !vmlinux?.btf) return fact;
      btf = readForEvidence(bytes, file, against, rules, fact);
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
function vmlinuxFor(ctx, path, rules) {
  let key = ruleKeys.get(rules);
  if (key === void 0) ruleKeys.set(rules, key = JSON.stringify(rules));
  return ctx.memo(`btf:vmlinux:${path}:${key}`, () => loadVmlinuxBtf(path, rules));
}
var ruleKeys = /* @__PURE__ */ new WeakMap();
function readForEvidence(bytes, file, base, rules, fact) {
  try {
    const btf = parseBtf(bytes, file, { base, encoding: rules.info, checkRefs: false });
    fact.types = btf.count;
    return btf;
  } catch (err) {
    fact.unreadable = err instanceof InputError ? err.message : describeError(err);
    return void 0;
  }
}

// src/exports/imports.ts
function textOf(bytes) {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
  const count = Math.floor(table.byteLength / entsize);
  const infoAt = elf.is64 ? 4 : 12;
  const shndxAt = elf.is64 ? 6 : 14;
  const strong = /* @__PURE__ */ new Set();
  const weak = /* @__PURE__ */ new Set();
  const sparc = elf.machine === EM_SPARC || elf.machine === EM_SPARCV9;
  for (let i = 1; i < count; i++) {
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
    const bytes2 = elf.data(extNames);
    const text2 = textOf(bytes2);
    const count2 = Math.floor(extCrcs.size / 4);
    const names2 = new Array(count2);
    const crcs2 = new Array(count2);
    let p = 0;
    for (let i = 0; i < count2; i++) {
      const end = bytes2.indexOf(0, p);
      if (end < 0) throw new InputError("bad-value", elf.file, `__version_ext_names ends before name ${i} of ${count2}`);
      names2[i] = text2.toString("utf8", p, end);
      crcs2[i] = r.u32(i * 4);
      p = end + 1;
    }
    return { names: names2, crcs: crcs2, extended: true };
  }
  const sec = elf.section("__versions");
  if (!sec) return null;
  const word = elf.is64 ? 8 : 4;
  const size = 64;
  if (sec.size % size !== 0) throw new InputError("bad-value", elf.file, `__versions size ${sec.size} is not a multiple of ${size}`);
  const bytes = elf.data(sec);
  const text = textOf(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = elf.littleEndian;
  const count = bytes.byteLength / size;
  const names = new Array(count);
  const crcs = new Array(count);
  for (let i = 0; i < count; i++) {
    const o = i * size;
    const end = bytes.indexOf(0, o + word);
    if (end < 0 || end >= o + size) throw new InputError("bad-value", elf.file, `__versions entry ${i}: name is not NUL-terminated`);
    names[i] = text.toString("utf8", o + word, end);
    if (!elf.is64) crcs[i] = view.getUint32(o, le);
    else {
      const lo = view.getUint32(o + (le ? 0 : 4), le);
      const hi = view.getUint32(o + (le ? 4 : 0), le);
      crcs[i] = hi * 4294967296 + lo;
    }
  }
  return { names, crcs, extended: false };
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
  const count = sec.size / size;
  const base = stringsSec.addr;
  const end = base + BigInt(stringsLen);
  const out = new Array(count);
  const target = (o) => {
    if (layout2 === "prel32") return sec.addr + BigInt(o) + BigInt(r.i32(o));
    return layout2 === "abs64" ? r.u64(o) : BigInt(r.u32(o));
  };
  for (let i = 0; i < count; i++) {
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
  const count = sec.size / size;
  const out = Array.from({ length: count }, () => ({ name: null, ns: null }));
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
function readCrcs(elf, sec, count, table) {
  if (sec.size !== count * 4) {
    throw new InputError("bad-value", elf.file, `${sec.name} holds ${sec.size / 4} CRCs for ${count} entries of ${table}`);
  }
  const r = new ByteReader(elf.data(sec), elf.littleEndian, elf.file);
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = r.u32(i * 4);
  return out;
}
function readFlags(elf, sec, count) {
  if (sec.size !== count) throw new InputError("bad-value", elf.file, `__kflagstab holds ${sec.size} flags for ${count} __ksymtab entries`);
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
function packLinkage(imports, weak, raw, exports) {
  const names = [...imports, ...weak];
  let crcs = null;
  if (raw) {
    const at = /* @__PURE__ */ new Map();
    names.forEach((n, i) => at.set(n, i));
    const values = new Array(names.length).fill(Number.NaN);
    for (let i = 0; i < raw.names.length; i++) {
      const n = raw.names[i];
      let j = at.get(n);
      if (j === void 0) {
        j = names.length;
        names.push(n);
        values.push(Number.NaN);
        at.set(n, j);
      }
      if (Number.isNaN(values[j])) values[j] = raw.crcs[i];
    }
    crcs = Float64Array.from(values);
  }
  return { names: names.join("\0"), imports: imports.length, weak: weak.length, crcs, extended: raw?.extended ?? false, exports };
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
  constructor(bytes = 4096, names = 64) {
    this.arena = new Uint8Array(Math.max(bytes, 64));
    this.starts = new Int32Array(Math.max(names, 16));
    this.lengths = new Int32Array(this.starts.length);
    this.sizes = new Float64Array(this.starts.length);
    let slotCount = 64;
    while (slotCount < 2 * names) slotCount *= 2;
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
function multikeyOrder(count, unit, compare) {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const stack = [0, count, 0];
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
function sortStrings(names) {
  const order = multikeyOrder(
    names.length,
    (i, depth) => {
      const s = names[i];
      return depth < s.length ? s.charCodeAt(depth) + 1 : 0;
    },
    (a, b) => {
      const x = names[a];
      const y = names[b];
      return x < y ? -1 : x > y ? 1 : a - b;
    }
  );
  const out = new Array(names.length);
  for (let k = 0; k < order.length; k++) out[k] = names[order[k]];
  return out;
}

// src/elf/nm.ts
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

// src/sizes/symbol-sizes.ts
var CATEGORIES = ["function", "data", "rodata"];
var CATEGORY_LETTERS = { function: "tTwW", data: "dDbBvV", rodata: "rR" };
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

// src/sizes/pack.ts
function packSizes(m) {
  const names = sortStrings([...m.keys()]);
  let out = "";
  let prev = "";
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
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

// src/sizes/module-symbol-sizes.ts
import { isAscii } from "node:buffer";
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
  if (table && isAscii(table.strings)) {
    const strings = new Uint8Array(table.strings.buffer, table.strings.byteOffset, table.strings.byteLength);
    const bytes = strings.length >> 1;
    const names = table.count >> 1;
    const out2 = { function: new ByteSizeTable(bytes, names), data: new ByteSizeTable(bytes >> 2, names >> 2), rodata: new ByteSizeTable(bytes >> 2, names >> 2) };
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
  const { count, entsize, entries } = table;
  const strings = new Uint8Array(table.strings.buffer, table.strings.byteOffset, table.strings.byteLength);
  const view = entries.view;
  const le = elf.littleEndian;
  const is64 = elf.is64;
  const letters = sectionLetters(elf);
  for (let i = 1; i < count; i++) {
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
function sortNames(strings, starts, ends, count) {
  return multikeyOrder(
    count,
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
var HEX = Uint8Array.from("0123456789abcdef", (c) => c.charCodeAt(0));
var SPACE = 32;
var NEWLINE = 10;
function nmListing(elf, options) {
  const table = elf.symbolTable();
  if (!table) return new Uint8Array(0);
  const { count, entsize, entries, strings } = table;
  const view = entries.view;
  const le = elf.littleEndian;
  const is64 = elf.is64;
  const width = is64 ? 16 : 8;
  const relocatable = elf.type === ET_REL;
  const sections = elf.sections;
  const letterOf = sectionLetters(elf);
  const addrHi = sections.map((s) => relocatable ? Number(s.addr >> 32n & 0xffffffffn) : 0);
  const addrLo = sections.map((s) => relocatable ? Number(s.addr & 0xffffffffn) : 0);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const letters = new Uint8Array(count);
  const hiWords = new Uint32Array(count);
  const loWords = new Uint32Array(count);
  const sizes = options.sizes ? new Float64Array(count) : void 0;
  let escaped;
  let n = 0;
  let bytes = 0;
  for (let i = 1; i < count; i++) {
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
      let plain = true;
      for (let p = nameOff; p < end; p++) {
        const c = strings[p];
        if (c < 32 && c !== 9 && c !== 10 || c >= 127) {
          plain = false;
          break;
        }
      }
      if (plain) bytes += end - nameOff;
      else {
        const safe = Buffer.from(options.escape(table.name(i, nameOff)), "utf8");
        (escaped ??= /* @__PURE__ */ new Map()).set(n, safe);
        bytes += safe.length;
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
        if (size !== 0) bytes += width + 1;
      }
    }
    bytes += width + 4;
    n++;
  }
  const order = sortNames(strings, starts, ends, n);
  const out = new Uint8Array(Math.max(0, bytes - 1));
  let w = 0;
  const hex32 = (v) => {
    for (let s = 28; s >= 0; s -= 4) out[w++] = HEX[v >>> s & 15];
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

// src/report/text-blocks.ts
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
var CONTROL_ALL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
function safeTerminal(s) {
  if (!CONTROL.test(s)) return s;
  return s.replace(CONTROL_ALL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
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

// src/load/hint-board.ts
import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";
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
      for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
        const [id, byModule] = m.message;
        this.table.set(id, byModule);
      }
    }
    return this.table;
  }
};

// src/load/module-worker.ts
var setup = null;
var memoStore = /* @__PURE__ */ new Map();
var memo = (key, make) => {
  if (!memoStore.has(key)) memoStore.set(key, make());
  return memoStore.get(key);
};
parentPort.on("message", (msg) => {
  if ("init" in msg) {
    setup = { options: msg.init.options, hints: new HintReader(msg.init.hints), analyzers: analyzersFor(msg.init.options.analyzers) };
    return;
  }
  const req = msg;
  if (!setup) {
    parentPort.postMessage({ id: req.id, error: "module worker: a module before the setup message" });
    return;
  }
  analyzeModule(req.module, setup.analyzers, setup.options, memo, req.preloaded, setup.hints).then(
    (summary) => parentPort.postMessage({ id: req.id, summary }, ownedBuffers(summary.facts)),
    (err) => parentPort.postMessage({ id: req.id, error: describeError(err) })
  );
});
function ownedBuffers(facts) {
  const out = [];
  for (const v of Object.values(facts)) {
    if (v instanceof Uint8Array && v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) {
      out.push(v.buffer);
    }
  }
  return out;
}
