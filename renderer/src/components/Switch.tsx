// An on/off switch (role="switch") that shows the state Make reports and is disabled while a change is sent.
export interface SwitchProps {
  checked: boolean;
  busy: boolean;
  label: string;
  onToggle(): void;
  testId: string;
  tabIndex?: number | undefined;
}

export function Switch({ checked, busy, label, onToggle, testId, tabIndex }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      className="switch"
      aria-checked={checked}
      aria-busy={busy || undefined}
      aria-label={label}
      disabled={busy}
      tabIndex={tabIndex}
      data-testid={testId}
      onClick={onToggle}
    >
      <span className="switch-knob" aria-hidden="true" />
    </button>
  );
}
