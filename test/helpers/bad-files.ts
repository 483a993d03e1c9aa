/** The first bytes of an x86-64 Linux program (an ELF header: "\x7fELF", then ">" for the machine), padded. */
export const ELF_BYTES = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]),
  Buffer.from([0x03, 0x00, 0x3e, 0x00, 0x01, 0x00, 0x00, 0x00]),
  Buffer.from('GCC: (Debian 12.2.0) 12.2.0 .text .data .bss main printf'),
  Buffer.alloc(512, 0),
]);
