// A word for a value (a card status, an operation type), looked up once per set of columns rather than once per
// cell: a scrolled table shows the same few values in every frame (docs/operator-ui.md, "Speed on a small PC").
const MAX_VALUES = 200;

export function labelCache(label: (value: string) => string): (value: string) => string {
  const words = new Map<string, string>();
  return (value) => {
    let word = words.get(value);
    if (word === undefined) {
      word = label(value);
      if (words.size >= MAX_VALUES) words.clear();
      words.set(value, word);
    }
    return word;
  };
}
