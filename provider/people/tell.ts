// Prints the people impact on the component: the summary as an info line when no one is affected,
// every line as a warning otherwise (`pulumi preview` and `up` show both).
import * as pulumi from "@pulumi/pulumi";
import type { PeopleReport } from "./probe";

export function tellPeople(report: PeopleReport | undefined, owner?: pulumi.Resource): void {
    if (!report) return;
    const [summary, ...effects] = report.lines;
    if (effects.length === 0) {
        void pulumi.log.info(summary, owner);
        return;
    }
    for (const line of [summary, ...effects]) void pulumi.log.warn(line, owner);
}
