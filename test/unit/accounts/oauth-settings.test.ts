import { describe, expect, it } from 'vitest';
import { DEFAULT_OAUTH_SCOPES, parseOAuthSettings } from '../../../electron/core/accounts';

describe('parseOAuthSettings (oauth.json)', () => {
  it('reads the authorization server origin and client id; default scopes', () => {
    expect(parseOAuthSettings('{"authorizationServer":"https://www.make.com/","clientId":" abc "}')).toEqual({
      settings: { authorizationServer: 'https://www.make.com', clientId: 'abc', scopes: DEFAULT_OAUTH_SCOPES },
      problem: null,
    });
    expect(parseOAuthSettings('{"authorizationServer":"http://127.0.0.1:9999","clientId":"make-tray-demo","scopes":["openid"],"redirectPath":"/cb"}').settings).toEqual({
      authorizationServer: 'http://127.0.0.1:9999',
      clientId: 'make-tray-demo',
      scopes: ['openid'],
      redirectPath: '/cb',
    });
  });

  it.each([
    ['not json', /not valid JSON/],
    ['{"authorizationServer":"http://make.example.com","clientId":"a"}', /authorizationServer must be an https/],
    ['{"authorizationServer":"https://www.make.com","clientId":""}', /clientId/],
    ['{"authorizationServer":"https://www.make.com"}', /clientId/],
    ['{"authorizationServer":"https://www.make.com","clientId":"a","scopes":[]}', /scopes/],
    ['{"authorizationServer":"https://www.make.com","clientId":"a","redirectPort":80}', /redirectPort/],
  ])('refuses %s', (text, problem) => {
    const r = parseOAuthSettings(text);
    expect(r.settings).toBeNull();
    expect(r.problem).toMatch(problem);
  });

  it('reads a fixed redirect port', () => {
    expect(parseOAuthSettings('{"authorizationServer":"https://www.make.com","clientId":"a","redirectPort":53682}').settings?.redirectPort).toBe(53682);
  });

  it('never takes a client secret from the file', () => {
    const r = parseOAuthSettings('{"authorizationServer":"https://www.make.com","clientId":"a","clientSecret":"s3cret"}');
    expect(JSON.stringify(r)).not.toContain('s3cret');
  });
});
