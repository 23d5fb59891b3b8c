import { Text, type AnyNode, type Element } from 'domhandler';

/** Nesting deeper than this is flattened: real pages stay far below, unclosed-tag soup does not. */
export const MAX_DOM_DEPTH = 400;

function isParent(node: AnyNode): node is Element {
  return 'children' in node && Array.isArray((node as Element).children);
}

/** All text under a node, without recursion; scripts and styles below it are skipped. */
export function textUnder(node: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as AnyNode;
    if (current.type === 'text') parts.push((current as Text).data);
    else if (isParent(current) && (current === node || (current.type !== 'script' && current.type !== 'style'))) {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i] as AnyNode);
    }
  }
  return parts.join('');
}

/**
 * Replaces everything below `maxDepth` with its text, so that the recursive passes of the
 * extractor cannot overflow the stack on pages made of thousands of unclosed tags. Iterative;
 * returns how many subtrees were flattened.
 */
export function limitDomDepth(root: AnyNode, maxDepth = MAX_DOM_DEPTH): number {
  let flattened = 0;
  const stack: Array<[AnyNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [AnyNode, number];
    if (!isParent(node)) continue;
    if (depth >= maxDepth) {
      if (node.children.some((c) => isParent(c))) {
        const text = new Text(textUnder(node));
        text.parent = node;
        node.children = [text];
        flattened++;
      }
      continue;
    }
    for (const child of node.children) stack.push([child, depth + 1]);
  }
  return flattened;
}
