/**
 * A short list of radio options, each with a label and a hint under it, as the monitoring popovers
 * show their scope and frequency choices.
 */
export function OptionList<T extends string>({
  legend,
  name,
  options,
  labels,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: ReadonlyArray<T>;
  labels: Readonly<Record<T, { label: string; hint: string }>>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="option-group">
      <legend className="option-group__legend">{legend}</legend>
      {options.map((option) => (
        <label key={option} className="option">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          <span className="option__text">
            <span className="option__label">{labels[option].label}</span>
            <span className="option__hint">{labels[option].hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
