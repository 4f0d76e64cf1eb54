// @observablehq/inputs 0.12 ships no types; this covers what the workbook's components call.
declare module "@observablehq/inputs" {
  export interface TableOptions<T> {
    columns?: readonly (keyof T & string)[];
    header?: Partial<Record<keyof T & string, string | Node>>;
    format?: Partial<Record<keyof T & string, (value: any, index: number, data: readonly T[]) => string | Node>>;
    align?: Partial<Record<keyof T & string, "left" | "right" | "center">>;
    width?: Partial<Record<keyof T & string, number | string>> | number | string;
    maxWidth?: number | string;
    height?: number | string;
    maxHeight?: number | string;
    rows?: number;
    sort?: keyof T & string;
    reverse?: boolean;
    layout?: "fixed" | "auto";
    locale?: string;
    select?: boolean;
    multiple?: boolean;
    required?: boolean;
    value?: readonly T[];
  }
  export function table<T extends object>(data: Iterable<T> | readonly T[] | Promise<Iterable<T>>, options?: TableOptions<T>): HTMLFormElement & { value: T[] };
}
