"use client";

import type { ReactNode } from "react";
import type { FieldMetadata } from "@conform-to/react";
import { Checkbox, Radio } from "@/components/ui/checkbox";
import { Field, FieldSet } from "@/components/ui/field";
import { Input, type InputProps } from "@/components/ui/input";
import { Select, type SelectOption } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

/*
 * Form controls bound to conform field metadata (components/forms/use-form-action.ts). Each one
 * renders the label, hint and every error of its field (aria-describedby/aria-invalid wired by
 * <Field>), takes its constraints (required, maxLength, min…) from the zod schema, and re-mounts
 * (key) when the server's reply brings new default values.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Meta = FieldMetadata<any, any, string[]>;

type Common = {
  meta: Meta;
  label: ReactNode;
  hint?: ReactNode;
  /** Marks the label "(wajib)"; defaults to the schema's constraint. */
  required?: boolean;
  className?: string;
};

function constraints(meta: Meta) {
  return {
    name: meta.name,
    form: meta.formId,
    required: meta.required || undefined,
    maxLength: meta.maxLength,
    minLength: meta.minLength,
  };
}

export function TextField({ meta, label, hint, required, className, ...input }: Common & Omit<InputProps, "name" | "id" | "form">) {
  return (
    <Field id={meta.id} label={label} hint={hint} required={required ?? meta.required} error={meta.errors} className={className}>
      {(p) => (
        <Input
          key={meta.key}
          {...p}
          {...constraints(meta)}
          min={meta.min}
          max={meta.max}
          defaultValue={meta.initialValue as string | undefined}
          {...input}
        />
      )}
    </Field>
  );
}

export function TextareaField({ meta, label, hint, required, className, rows = 3 }: Common & { rows?: number }) {
  return (
    <Field id={meta.id} label={label} hint={hint} required={required ?? meta.required} error={meta.errors} className={className}>
      {(p) => <Textarea key={meta.key} {...p} {...constraints(meta)} rows={rows} defaultValue={meta.initialValue as string | undefined} />}
    </Field>
  );
}

export function SelectField({
  meta, label, hint, required, className, options, placeholder, children, onChange, defaultValue,
}: Common & {
  options?: readonly SelectOption[];
  placeholder?: string;
  children?: ReactNode;
  onChange?: (value: string) => void;
  /** Overrides the field's initial value (e.g. a choice made outside the form); re-mounts the select. */
  defaultValue?: string;
}) {
  const initial = defaultValue ?? (meta.initialValue as string | undefined) ?? "";
  return (
    <Field id={meta.id} label={label} hint={hint} required={required ?? meta.required} error={meta.errors} className={className}>
      {(p) => (
        <Select
          key={`${meta.key ?? ""}:${defaultValue ?? ""}`}
          {...p}
          name={meta.name}
          form={meta.formId}
          required={meta.required || undefined}
          defaultValue={initial}
          options={options}
          placeholder={placeholder}
          onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        >
          {children}
        </Select>
      )}
    </Field>
  );
}

export type Choice = { value: string; label: ReactNode; hint?: ReactNode };

/** A question answered by one of several radios (a <fieldset> with a legend). */
export function RadioGroupField({
  meta, label, hint, required, className, choices, inline = false, onChange,
}: Common & { choices: readonly Choice[]; inline?: boolean; onChange?: (value: string) => void }) {
  const current = meta.initialValue as string | undefined;
  return (
    <FieldSet id={meta.id} legend={label} hint={hint} required={required ?? meta.required} error={meta.errors} className={className}>
      <div key={meta.key} className={inline ? "flex flex-wrap gap-x-8 gap-y-2" : "space-y-2"}>
        {choices.map((c) => (
          <Radio
            key={c.value}
            id={`${meta.id}-${c.value}`}
            name={meta.name}
            form={meta.formId}
            value={c.value}
            label={c.label}
            hint={c.hint}
            defaultChecked={current === c.value}
            aria-invalid={meta.errors ? true : undefined}
            onChange={onChange ? () => onChange(c.value) : undefined}
          />
        ))}
      </div>
    </FieldSet>
  );
}

/** A single checkbox with its own label; its errors are listed under it. */
export function CheckboxField({ meta, label, hint, className }: Omit<Common, "required">) {
  const errorId = meta.errors ? `${meta.id}-error` : undefined;
  return (
    <div className={className}>
      <Checkbox
        key={meta.key}
        id={meta.id}
        name={meta.name}
        form={meta.formId}
        label={label}
        hint={hint}
        defaultChecked={meta.initialValue === "on" || meta.initialValue === true}
        aria-invalid={meta.errors ? true : undefined}
        aria-errormessage={errorId}
      />
      {meta.errors && (
        <p id={errorId} className="mt-1 pl-8 text-sm font-medium text-red-700">
          <span className="sr-only">Kesalahan: </span>
          {meta.errors.join(" ")}
        </p>
      )}
    </div>
  );
}
