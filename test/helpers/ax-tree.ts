/** The browser's accessibility tree, as web-test-runner's a11ySnapshot returns it (Chromium's shape). */
import { a11ySnapshot } from '@web/test-runner-commands';

export interface AxNode {
  role: string;
  name?: string;
  required?: boolean;
  children?: AxNode[];
}

export const flatten = (n: AxNode): AxNode[] => [n, ...(n.children ?? []).flatMap(flatten)];

/** The page's tree (a11ySnapshot's declared return type is void, hence the cast). */
export const axTree = async (): Promise<AxNode> => (await a11ySnapshot({})) as unknown as AxNode;
