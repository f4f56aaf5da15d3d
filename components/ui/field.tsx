import type { ReactNode } from "react";
import { cn } from "./cn";
import { Icon } from "./icons";

/** Props <Field> hands to its control; spread them onto Input/Select/Textarea. */
export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
};

/** A zod `flatten().fieldErrors[x]` (string[]) can be passed as is. */
export type FieldError = string | readonly string[] | undefined;

function errorText(error: FieldError): string | undefined {
  const text = typeof error === "string" ? error : error?.join(" ");
  return text ? text : undefined;
}

function describedBy(...ids: Array<string | undefined>): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

/** Text marker (not colour alone) for required fields. */
function RequiredMark() {
  return <span className="ml-1 text-sm font-normal text-slate-600">(wajib)</span>;
}

function ErrorMessage({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
      <Icon name="xCircle" className="mt-0.5 size-4 shrink-0" />
      <span>
        <span className="sr-only">Kesalahan: </span>
        {text}
      </span>
    </p>
  );
}

export type FieldProps = {
  id: string;
  label: ReactNode;
  error?: FieldError;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * Label + control + hint + error, wired with aria-describedby / aria-invalid.
 * `required` only marks the label and sets aria-required; add the native `required`
 * attribute on the control yourself if browser validation is wanted.
 *
 *   <Field id="judul" label="Judul" required error={errors?.judul}>
 *     {(p) => <Input {...p} name="judul" defaultValue={values.judul} />}
 *   </Field>
 */
export function Field({ id, label, error, hint, required, className, children }: FieldProps) {
  const message = errorText(error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-semibold text-slate-900">
        {label}
        {required && <RequiredMark />}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {message && errorId && <ErrorMessage id={errorId} text={message} />}
      {children({
        id,
        "aria-describedby": describedBy(hintId, errorId),
        "aria-invalid": message ? true : undefined,
        "aria-required": required ? true : undefined,
      })}
    </div>
  );
}

export type FieldSetProps = {
  id: string;
  legend: ReactNode;
  error?: FieldError;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: ReactNode;
};

/** A group of radios/checkboxes under one question (e.g. "Perlu persetujuan DPRD?"). */
export function FieldSet({ id, legend, error, hint, required, className, children }: FieldSetProps) {
  const message = errorText(error);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  return (
    <fieldset id={id} aria-describedby={describedBy(hintId, errorId)} className={cn("space-y-2", className)}>
      <legend className="text-sm font-semibold text-slate-900">
        {legend}
        {required && <RequiredMark />}
      </legend>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {message && errorId && <ErrorMessage id={errorId} text={message} />}
      <div className="space-y-2">{children}</div>
    </fieldset>
  );
}
