/**
 * A statement written with named, typed parameters (`p('email', 'text')` becomes `$3::text`),
 * numbered once when it is built. `values` lists an object's fields in that order, so a long
 * statement can change without anyone counting `$n`s, and its text is one string built once
 * (a prepared statement's name stands for one text).
 */
export interface Named<P> {
  text: string;
  values(params: P): unknown[];
}

export function named<P extends object>(build: (p: (name: keyof P & string, type: string) => string) => string): Named<P> {
  const order: (keyof P & string)[] = [];
  const types = new Map<string, string>();
  const text = build((name, type) => {
    const known = types.get(name);
    if (known !== undefined && known !== type) throw new Error(`Parameter ${name} is used as ${known} and as ${type}`);
    if (known === undefined) {
      types.set(name, type);
      order.push(name);
    }
    return `$${order.indexOf(name) + 1}::${type}`;
  });
  return {
    text,
    values: (params) =>
      order.map((name) => {
        if (!(name in params)) throw new Error(`Parameter ${name} has no value`);
        return params[name];
      }),
  };
}
