import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeTar, makeZip, paxRecord } from './attachment-test-kit.ts';
import { checkFileName, inspectUpload } from './inspect-upload.ts';

const MB = 1024 * 1024;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function refusal(fileName: string, data: Buffer) {
  try {
    await inspectUpload(fileName, data);
  } catch (error) {
    return error as { status: number; errors: Array<{ field: string; message: string }>; detail: string };
  }
  throw new Error(`${fileName} was accepted`);
}

async function expectRefused(fileName: string, data: Buffer, detail: RegExp) {
  const problem = await refusal(fileName, data);
  expect(problem.status).toBe(400);
  expect(problem.errors[0].field).toBe('file');
  expect(problem.detail).toMatch(detail);
}

describe('attachment inspection', () => {
  it('[SUP-2] accepts each allowed type whose content matches, and decides the content type itself', async () => {
    const accepted: Array<[string, Buffer, string]> = [
      ['shot.png', PNG, 'image/png'],
      ['photo.JPG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]), 'image/jpeg'],
      ['anim.gif', Buffer.from('GIF89a....'), 'image/gif'],
      ['manual.pdf', Buffer.from('%PDF-1.7\n...'), 'application/pdf'],
      ['scan.log', Buffer.from('2026-11-23 scan started\n'), 'text/plain'],
      ['notes.txt', Buffer.from('Grüße\n'), 'text/plain'],
      ['windows.log', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('event', 'utf16le')]), 'text/plain'],
      ['data.csv', Buffer.from('a,b\n1,2\n'), 'text/csv'],
      ['config.json', Buffer.from(' {"a": 1}'), 'application/json'],
      ['settings.xml', Buffer.from('<?xml version="1.0"?><a/>'), 'application/xml'],
      ['logs.zip', makeZip([{ name: 'logs/scan.log', data: Buffer.from('line\n'.repeat(100)) }]), 'application/zip'],
      ['scan.log.gz', gzipSync(Buffer.from('line\n'.repeat(100))), 'application/gzip'],
      ['logs.tar.gz', gzipSync(makeTar([{ name: 'logs/scan.log', data: Buffer.from('line\n') }])), 'application/gzip'],
      ['logs.tgz', gzipSync(makeTar([{ name: 'scan.log', data: Buffer.from('line\n') }])), 'application/gzip'],
    ];
    for (const [name, data, contentType] of accepted) expect(await inspectUpload(name, data), name).toEqual({ contentType });
  });

  it('[SUP-2] refuses a file whose leading bytes do not match its extension', async () => {
    await expectRefused('shot.png', Buffer.from('%PDF-1.7 pretending'), /content is of another type/);
    await expectRefused('manual.pdf', PNG, /content is of another type/);
    await expectRefused('tool.txt', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), /content is of another type/);
    await expectRefused('logs.zip', gzipSync('x'), /content is of another type/);
    await expectRefused('settings.xml', Buffer.from('not xml'), /content is of another type/);
    await expectRefused('empty.txt', Buffer.alloc(0), /is empty/);
  });

  it('[SUP-2] refuses file names that are not plain names of an allowed type', () => {
    const names = [
      '../../etc/passwd.txt',
      'logs/scan.log',
      'C:\\temp\\scan.log',
      'a..b.txt',
      'bell\u0007.txt',
      'nul\0.txt',
      `${'a'.repeat(252)}.txt`,
      '',
      'setup.exe',
      'noextension',
    ];
    for (const name of names) expect(() => checkFileName(name), JSON.stringify(name)).toThrow(expect.objectContaining({ status: 400 }));
    expect(checkFileName(`${'a'.repeat(251)}.txt`)).toBe('txt');
  });

  it('[SUP-2] refuses a zip bomb: 50 MB of zeros packed into a few kilobytes', async () => {
    const bomb = makeZip([{ name: 'zeros.bin', data: Buffer.alloc(50 * MB) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expectRefused('logs.zip', bomb, /archive bomb/);
  });

  it('[SUP-2] refuses a zip whose headers understate what an entry unpacks to', async () => {
    const liar = makeZip([{ name: 'small.log', data: Buffer.alloc(5 * MB), claimedSize: 1024 }]);
    await expectRefused('logs.zip', liar, /archive bomb/);
  });

  it('[SUP-2] refuses zip entries that climb out, are absolute, use backslashes or are links, and zips with too many entries', async () => {
    const one = (name: string, mode?: number) => makeZip([{ name, data: Buffer.from('x'), mode }]);
    await expectRefused('a.zip', one('../../.bashrc'), /climbs out/);
    await expectRefused('a.zip', one('logs/../../x'), /climbs out/);
    await expectRefused('a.zip', one('/etc/cron.d/job'), /absolute/);
    await expectRefused('a.zip', one('C:/Windows/evil.dll'), /absolute/);
    await expectRefused('a.zip', one('..\\..\\evil.dll'), /backslash/);
    await expectRefused('a.zip', one('link', 0o120777), /symbolic link/);
    const many = makeZip(Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('x') })));
    await expectRefused('a.zip', many, /more than 1000 entries/);
  });

  it('[SUP-2] refuses a gzip that unpacks to 200 MB, stopping at the cap', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * MB));
    await expectRefused('scan.log.gz', bomb, /archive bomb/);
  });

  it('[SUP-2] refuses tar entries that climb out or are links, also in pax headers and in a .gz that is a tar', async () => {
    const tgz = (entries: Parameters<typeof makeTar>[0]) => gzipSync(makeTar(entries));
    await expectRefused('a.tar.gz', tgz([{ name: '../evil.sh', data: Buffer.from('x') }]), /climbs out/);
    await expectRefused('a.tgz', tgz([{ name: '/etc/passwd', data: Buffer.from('x') }]), /absolute/);
    await expectRefused('a.tar.gz', tgz([{ name: 'link', type: '2', linkName: '/etc/shadow' }]), /link/);
    await expectRefused('a.tar.gz', tgz([{ name: 'hard', type: '1', linkName: 'x' }]), /link/);
    await expectRefused('a.tar.gz', tgz([{ name: 'dev', type: '3' }]), /special file/);
    const pax = [
      { name: 'PaxHeader', type: 'x', data: paxRecord('path', '../../../root/.ssh/authorized_keys') },
      { name: 'innocent.txt', data: Buffer.from('x') },
    ];
    await expectRefused('a.tar.gz', tgz(pax), /climbs out/);
    await expectRefused(
      'a.tar.gz',
      tgz([
        { name: '././@LongLink', type: 'L', data: Buffer.from('../x\0') },
        { name: 'x', data: Buffer.from('x') },
      ]),
      /climbs out/,
    );
    await expectRefused('plain.gz', tgz([{ name: '../hidden-tar', data: Buffer.from('x') }]), /climbs out/);
    await expectRefused('a.tar.gz', gzipSync(Buffer.from('not a tar at all, just text that is long enough'.repeat(20))), /not a valid tar/);
  });
});
