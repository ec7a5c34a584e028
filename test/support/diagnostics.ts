// The engine's "Diagnostics:" section of a command's output: where the CLI reports each error once.
// (Piped, the CLI's progress view also echoes the newest message on the resource's status line.)
export function diagnostics(output: string): string {
    const i = output.lastIndexOf("Diagnostics:");
    if (i < 0) return "";
    const end = output.slice(i).search(/\n(Resources|Outputs|Duration):/);
    return end < 0 ? output.slice(i) : output.slice(i, i + end);
}

/** How often `text` appears in the diagnostics of `output`. */
export const timesReported = (output: string, text: string): number =>
    diagnostics(output).split(text).length - 1;
