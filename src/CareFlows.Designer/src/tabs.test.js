import { describe, expect, it } from 'vitest';
import { tabForKey } from './tabs.js';

const tabs = ['properties', 'problems', 'simulate'];

describe('tabForKey', () => {
  it('moves right and left, wrapping at the ends', () => {
    expect(tabForKey(tabs, 'properties', 'ArrowRight')).toBe('problems');
    expect(tabForKey(tabs, 'simulate', 'ArrowRight')).toBe('properties');
    expect(tabForKey(tabs, 'properties', 'ArrowLeft')).toBe('simulate');
  });
  it('jumps to the first and last with Home and End', () => {
    expect(tabForKey(tabs, 'problems', 'Home')).toBe('properties');
    expect(tabForKey(tabs, 'problems', 'End')).toBe('simulate');
  });
  it('ignores other keys', () => {
    expect(tabForKey(tabs, 'problems', 'a')).toBeNull();
  });
});
