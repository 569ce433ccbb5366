/** Where the staff API may listen and whom it answers: paired pass and fail for each rule. */
import { describe, expect, it } from 'vitest';
import {
  allowedHostNames,
  checkListening,
  hostAllowed,
  ListenRefusedError,
  peerAllowed,
  requestOrigin,
  serverOrigins,
} from '../../../local/api/listening.ts';

const TLS = { cert: 'cert', key: 'key' };

describe('listening beyond loopback', () => {
  it('loopback needs nothing more', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.0.53'])
      expect(() => checkListening({ host })).not.toThrow();
    expect(() => checkListening({})).not.toThrow();
  });
  it('another address is refused in plain HTTP, in Chinese', () => {
    for (const host of ['0.0.0.0', '::', '10.1.2.3'])
      expect(() => checkListening({ host })).toThrow(ListenRefusedError);
    expect(() => checkListening({ host: '0.0.0.0' })).toThrow(/拒绝.*--tls-cert.*--behind-proxy/);
  });
  it('another address is accepted with TLS or behind a named proxy (an IP address)', () => {
    expect(() => checkListening({ host: '0.0.0.0', tls: TLS })).not.toThrow();
    expect(() => checkListening({ host: '0.0.0.0', behindProxy: '10.0.0.5' })).not.toThrow();
    expect(() => checkListening({ host: '0.0.0.0', behindProxy: 'proxy.example' })).toThrow(/IP/);
  });
});

describe('the Host header', () => {
  const names = allowedHostNames({ hostNames: ['Enforce.Court.Example'] }, '0.0.0.0');
  it('accepts loopback names and the configured names, with or without a port', () => {
    for (const host of [
      'localhost:8080',
      '127.0.0.1',
      '[::1]:8080',
      'enforce.court.example',
      'ENFORCE.court.example:443',
    ])
      expect(hostAllowed(host, names), host).toBe(true);
  });
  it('refuses any other name, a missing or malformed header (DNS rebinding)', () => {
    for (const host of [undefined, '', 'evil.example', 'enforce.court.example.evil.example', '0.0.0.0:8080', 'a b'])
      expect(hostAllowed(host, names), String(host)).toBe(false);
  });
  it('accepts the bound address when it is a real one', () => {
    expect(hostAllowed('10.1.2.3:8443', allowedHostNames({}, '10.1.2.3'))).toBe(true);
  });
});

describe('behind a proxy', () => {
  it('answers the proxy and loopback', () => {
    expect(peerAllowed('10.0.0.5', { behindProxy: '10.0.0.5' })).toBe(true);
    expect(peerAllowed('::ffff:10.0.0.5', { behindProxy: '10.0.0.5' })).toBe(true);
    expect(peerAllowed('127.0.0.1', { behindProxy: '10.0.0.5' })).toBe(true);
  });
  it('refuses anyone else; without a proxy everyone reaches TLS', () => {
    expect(peerAllowed('10.0.0.6', { behindProxy: '10.0.0.5' })).toBe(false);
    expect(peerAllowed(undefined, { behindProxy: '10.0.0.5' })).toBe(false);
    expect(peerAllowed('10.0.0.6', {})).toBe(true);
  });
});

describe('the origins of the server’s pages (the evidence gate’s CORS allows these only)', () => {
  it('loopback names and configured names, with the scheme and port served; behind a proxy, https on its port', () => {
    expect(serverOrigins({}, '127.0.0.1', 8080).sort()).toEqual(
      ['http://127.0.0.1:8080', 'http://[::1]:8080', 'http://localhost:8080'].sort(),
    );
    expect(serverOrigins({ host: '0.0.0.0', tls: TLS, hostNames: ['Enforce.Court'] }, '0.0.0.0', 8443)).toContain(
      'https://enforce.court:8443',
    );
    expect(serverOrigins({ behindProxy: '10.0.0.2', hostNames: ['enforce.court'] }, '127.0.0.1', 8080)).toContain(
      'https://enforce.court',
    );
  });
  it('no other name, scheme, port or wildcard', () => {
    const origins = serverOrigins({ hostNames: ['enforce.court'] }, '127.0.0.1', 8080);
    expect(origins).not.toContain('https://enforce.court');
    expect(origins).not.toContain('http://127.0.0.1:8081');
    expect(origins).not.toContain('https://127.0.0.1:8080');
    expect(origins.some((origin) => origin.includes('*'))).toBe(false);
  });
});

describe('the origin a client used (where the links the server issues to it point)', () => {
  it('https with TLS; behind a proxy https for the court’s names; the port the client named', () => {
    expect(requestOrigin('enforce.court:8443', { tls: TLS, hostNames: ['enforce.court'] })).toBe(
      'https://enforce.court:8443',
    );
    expect(requestOrigin('Enforce.Court', { behindProxy: '10.0.0.2', hostNames: ['enforce.court'] })).toBe(
      'https://enforce.court',
    );
    expect(requestOrigin('enforce.court:443', { tls: TLS })).toBe('https://enforce.court');
  });
  it('plain http for loopback names reaching the server directly, even behind a proxy', () => {
    expect(requestOrigin('127.0.0.1:8080', { behindProxy: '127.0.0.1', hostNames: ['enforce.court'] })).toBe(
      'http://127.0.0.1:8080',
    );
    expect(requestOrigin('localhost:8080', {})).toBe('http://localhost:8080');
  });
});
