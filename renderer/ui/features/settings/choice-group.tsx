import { useId } from 'react';

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly hint?: string;
}

/**
 * Radio buttons drawn as a segmented control: one choice of a few, arrow keys move between them as
 * radios do. The hint of the chosen one is said below.
 */
export function ChoiceGroup<T extends string>({
  legend,
  choices,
  value,
  testId,
  onChange,
}: {
  legend: string;
  choices: ReadonlyArray<Choice<T>>;
  value: T;
  testId?: string;
  onChange: (value: T) => void;
}) {
  const name = useId();
  const hint = choices.find((choice) => choice.value === value)?.hint;
  return (
    <fieldset className="choice-group" data-testid={testId}>
      <legend className="choice-group__legend">{legend}</legend>
      <div className="choice-group__choices">
        {choices.map((choice) => (
          <label key={choice.value} className="choice-group__choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {hint !== undefined && <p className="choice-group__hint">{hint}</p>}
    </fieldset>
  );
}
