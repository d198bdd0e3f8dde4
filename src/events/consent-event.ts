/**
 * The base of every event the element fires: it bubbles and crosses shadow roots, and its class
 * names its type (`eventName`). One factory for all of them, as each class written out costs the
 * first load its own constructor.
 */
export function consentEvent<Name extends string, Detail>(name: Name) {
  return class extends CustomEvent<Detail> {
    static readonly eventName: Name = name;

    constructor(detail: Detail) {
      super(name, { bubbles: true, composed: true, detail });
    }
  };
}
