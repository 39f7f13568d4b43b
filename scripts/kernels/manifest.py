#!/usr/bin/env python3
"""Write manifest.json for a fixture kernel dir built by scripts/kernels/build.sh.

All paths are relative to the keyed dir (the dir containing manifest.json).
test/support/kernels.ts turns them into absolute paths.
"""
import argparse
import datetime
import glob
import json
import os
import struct
import subprocess


def sections(path):
    """name -> (offset, size) of an ELF file's sections (via readelf)."""
    out = subprocess.run(['readelf', '-S', '--wide', path], capture_output=True,
                         text=True, check=True).stdout
    res = {}
    for line in out.splitlines():
        line = line.strip()
        if not line.startswith('[') or ']' not in line:
            continue
        parts = line.split(']', 1)[1].split()
        if len(parts) >= 5 and parts[0] != 'Name':
            # Name Type Address Off Size ...
            res[parts[0]] = (int(parts[3], 16), int(parts[4], 16))
    return res


def btf_hdr_len(path, secs):
    if '.BTF' not in secs:
        return None
    off, _ = secs['.BTF']
    with open(path, 'rb') as f:
        f.seek(off)
        magic, _ver, _flags, hdr_len = struct.unpack('<HBBI', f.read(8))
    return hdr_len if magic == 0xEB9F else None


def config(path):
    res = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith('CONFIG_') and '=' in line:
                k, v = line.split('=', 1)
                res[k] = v.strip('"')
    return res


def tree(d, obj, src, ext, whitelist_src, extra):
    o = os.path.join(d, obj)
    cfg = config(os.path.join(o, '.config'))
    with open(os.path.join(o, 'include/config/kernel.release')) as f:
        release = f.read().strip()
    modules = []
    with open(os.path.join(o, 'modules.order')) as f:
        for line in f:
            rel = line.strip()
            if rel:
                ko = rel[:-2] + '.ko'
                modules.append({'name': os.path.basename(ko)[:-3].replace('-', '_'),
                                'path': f'{obj}/{ko}'})
    builtin = []
    with open(os.path.join(o, 'modules.builtin')) as f:
        for line in f:
            rel = line.strip()
            if rel:
                builtin.append(os.path.basename(rel)[:-3].replace('-', '_'))

    def rel(name):
        p = os.path.join(o, name)
        return f'{obj}/{name}' if os.path.exists(p) else None

    tmp = sorted(os.path.basename(p) for p in glob.glob(os.path.join(o, '.tmp_vmlinux*')))
    vsecs = sections(os.path.join(o, 'vmlinux'))
    esecs = sections(os.path.join(d, ext, 'kbr_ext.ko'))
    res = {
        'release': release,
        'src': src,
        'obj': obj,
        'config': rel('.config'),
        'vmlinux': rel('vmlinux'),
        # 6.18+: System.map and the kallsyms check use vmlinux.unstripped; vmlinux is an objcopy of it
        'vmlinuxUnstripped': rel('vmlinux.unstripped'),
        'systemMap': rel('System.map'),
        'bzImage': rel('arch/x86/boot/bzImage'),
        'vmlinuxMap': rel('vmlinux.map'),
        'moduleSymvers': rel('Module.symvers'),
        'vmlinuxSymvers': rel('vmlinux.symvers'),
        'modulesOrder': rel('modules.order'),
        'modulesBuiltin': rel('modules.builtin'),
        'modulesBuiltinModinfo': rel('modules.builtin.modinfo'),
        'modulesBuiltinRanges': rel('modules.builtin.ranges'),
        'whitelist': rel('kbr-ksyms-whitelist.txt'),
        'whitelistSource': whitelist_src,
        'configWhitelistSetting': cfg.get('CONFIG_UNUSED_KSYMS_WHITELIST'),
        'tmpVmlinux': [f'{obj}/{n}' for n in tmp if '.' not in n[len('.tmp_vmlinux'):]],
        'tmpSyms': [f'{obj}/{n}' for n in tmp if n.endswith('.syms')],
        'tmpFiles': [f'{obj}/{n}' for n in tmp],
        'vmlinuxBtfHdrLen': btf_hdr_len(os.path.join(o, 'vmlinux'), vsecs),
        'modules': modules,
        'builtinModules': builtin,
        'ext': {
            'dir': ext,
            'ko': f'{ext}/kbr_ext.ko',
            'moduleSymvers': f'{ext}/Module.symvers',
            'btf': '.BTF' in esecs,
            'btfBase': '.BTF.base' in esecs,
        },
    }
    res.update(extra)
    return res


def main():
    ap = argparse.ArgumentParser()
    for a in ('dir', 'version', 'key', 'generator', 'source-deb', 'source-version', 'pahole', 'pahole-path',
              'btf-base', 'patch', 'whitelist-base', 'whitelist-head'):
        ap.add_argument('--' + a, required=a != 'generator', default='')
    a = ap.parse_args()
    d = a.dir
    base = tree(d, 'base', 'src', 'ext-base', a.whitelist_base, {})
    head = tree(d, 'head', 'src-head', 'ext-head', a.whitelist_head, {'patch': a.patch})
    cfg = config(os.path.join(d, 'base', '.config'))
    gcc = subprocess.run(['gcc', '--version'], capture_output=True, text=True).stdout.splitlines()[0]
    ld = subprocess.run(['ld', '--version'], capture_output=True, text=True).stdout.splitlines()[0]
    manifest = {
        'schema': 1,
        'version': a.version,
        'key': a.key,
        'generator': a.generator,
        'arch': 'x86_64',
        'sourceDeb': a.source_deb,
        'sourceVersion': a.source_version,
        'builtAt': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
        'toolchain': {'gcc': gcc, 'ld': ld, 'pahole': a.pahole, 'paholePath': a.pahole_path},
        'features': {
            'modversions': cfg.get('CONFIG_MODVERSIONS') == 'y',
            'trimUnusedKsyms': cfg.get('CONFIG_TRIM_UNUSED_KSYMS') == 'y',
            'kallsymsAll': cfg.get('CONFIG_KALLSYMS_ALL') == 'y',
            'btf': cfg.get('CONFIG_DEBUG_INFO_BTF') == 'y',
            'btfModules': cfg.get('CONFIG_DEBUG_INFO_BTF_MODULES') == 'y',
            'vmlinuxMap': cfg.get('CONFIG_VMLINUX_MAP') == 'y',
            'builtinModuleRanges': cfg.get('CONFIG_BUILTIN_MODULE_RANGES') == 'y',
            'btfBase': a.btf_base == 'true',
        },
        'base': base,
        'head': head,
    }
    json.dump(manifest, __import__('sys').stdout, indent=2)
    print()


if __name__ == '__main__':
    main()
