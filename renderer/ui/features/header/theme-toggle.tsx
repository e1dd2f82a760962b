import type { ComponentType, SVGProps } from 'react';
import { MonitorIcon, MoonIcon, SunIcon } from '../../components/icons';
import { useAppStore } from '../../store/store-context';
import type { ThemePreference } from '../../store/theme';

const options: ReadonlyArray<{ theme: ThemePreference; label: string; Icon: ComponentType<SVGProps<SVGSVGElement>> }> =
  [
    { theme: 'light', label: 'Light theme', Icon: SunIcon },
    { theme: 'dark', label: 'Dark theme', Icon: MoonIcon },
    { theme: 'system', label: 'Theme follows the system', Icon: MonitorIcon },
  ];

export function ThemeToggle() {
  const theme = useAppStore((state) => state.ui.theme);
  const setTheme = useAppStore((state) => state.uiActions.setTheme);
  return (
    <div className="segmented" role="group" aria-label="Theme">
      {options.map(({ theme: option, label, Icon }) => (
        <button
          key={option}
          type="button"
          className="segmented__button"
          aria-pressed={theme === option}
          aria-label={label}
          title={label}
          onClick={() => setTheme(option)}
        >
          <Icon />
        </button>
      ))}
    </div>
  );
}
