import { describe, expect, it } from 'vitest';
import { definesAcronym } from './acronym';

const at = (text: string, name: string) => {
  const start = text.indexOf(name);
  return definesAcronym(text, start, start + name.length);
};

describe('definesAcronym', () => {
  it.each([
    ['The VEO (Vendor Engagement Office) sent new AI video rules', 'VEO'],
    ['Our Wide Area Network (WAN) drops every AI video call', 'WAN'],
    ['SVD (singular value decomposition) in a 10 minute video', 'SVD'],
    ['Ask the Video Evaluation Office (VEO) before you publish', 'VEO'],
    ['The SORA (Space Operations Readiness Assessment) is due', 'SORA'],
    ['Join the Society of Ray Artists (SORA) video night', 'SORA'],
  ])('an expansion beside it: %s', (text, name) => {
    expect(at(text, name)).toBe(true);
  });

  it.each([
    ['VEO 3 (the new Google model) makes great video', 'VEO'],
    ['SORA (OpenAI video model) is gone', 'SORA'],
    ['Tried Veo (Vendor Engagement Office) today', 'Veo'],
    ['WAN is down (again)', 'WAN'],
    ['we compared Kling, Runway and Veo (VEO) side by side', 'VEO'],
  ])('not an acronym definition: %s', (text, name) => {
    expect(at(text, name)).toBe(false);
  });
});
