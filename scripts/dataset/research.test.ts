import { describe, expect, it } from 'vitest';
import { countryCode, parseUncertain, shortName, vendorId } from './research';

describe('research conversion', () => {
  it('maps HQ countries to short codes and never guesses', () => {
    expect(countryCode('US')).toBe('US');
    expect(countryCode('China')).toBe('CN');
    expect(countryCode('UK (DeepMind) / US (Alphabet)')).toBe('UK/US');
    expect(countryCode(null)).toBeNull();
    expect(() => countryCode('Atlantis')).toThrow(/COUNTRY_CODES/);
  });

  it('shortens vendor names for badges', () => {
    expect(shortName('Kuaishou Technology (快手)')).toBe('Kuaishou');
    expect(shortName('Runway (Runway AI, Inc.)')).toBe('Runway');
    expect(vendorId('Google DeepMind (Google / Alphabet)')).toBe('google-deepmind');
  });

  it('ties uncertainty notes to fields where they name one', () => {
    expect(parseUncertain('max_duration_s (API offered 4/8/12 s)')).toEqual({
      field: 'maxDurationS',
      note: 'max_duration_s (API offered 4/8/12 s)',
    });
    expect(parseUncertain('provenance')).toEqual({ field: 'provenance', note: 'provenance' });
    expect(parseUncertain('which of the two dates is right').field).toBeNull();
  });
});
