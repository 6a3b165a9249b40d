// How often the background checks the update feed; "off" means it never contacts the network.
import { useEffect, useState } from 'react';
import { readRefreshInterval, writeRefreshInterval } from '@/utils/dataset/status';

const CHOICES = [0, 6, 12, 24, 72, 168];

export function RefreshIntervalSelect() {
  const [hours, setHours] = useState<number | null>(null);
  useEffect(() => void readRefreshInterval().then(setHours), []);
  if (hours === null) return null;
  const choices = CHOICES.includes(hours) ? CHOICES : [...CHOICES, hours].sort((a, b) => a - b);
  return (
    <label className="field">
      <span>{browser.i18n.getMessage('optionsRefreshInterval')}</span>
      <select
        data-testid="refresh-interval"
        value={hours}
        onChange={(event) => {
          const value = Number(event.currentTarget.value);
          setHours(value);
          void writeRefreshInterval(value);
        }}
      >
        {choices.map((h) => (
          <option key={h} value={h}>
            {h === 0
              ? browser.i18n.getMessage('optionsRefreshOff')
              : browser.i18n.getMessage('optionsRefreshEvery', String(h))}
          </option>
        ))}
      </select>
    </label>
  );
}
