import { integrationExample } from "./index";

export = integrationExample();
