// Program entry (Pulumi.yaml `main`) of the engine floor: the integration stack's shape built of
// dynamic resources that do nothing. Timing its `up` in the same run as the real one separates
// engine cost from API round trips. No parameters.
import { NoopIntegration } from "./noop";

export = new NoopIntegration("cxone-okta").outputs;
