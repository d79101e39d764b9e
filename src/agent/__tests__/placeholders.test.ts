import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlaceholders, placeholderNames, removedVariablesInUse } from '../placeholders';
import { VARIABLE_NAME_RULE } from '../rules';

const numRuns = Number(process.env.FC_RUNS ?? 1000);

/** Names the variable rule accepts: a letter or `_`, then letters, digits and `_`. */
const arbName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/);
/** Text around placeholders; braces are kept out so no extra placeholder can form. */
const arbFiller = fc.string({ maxLength: 30 }).map((s) => s.replace(/[{}]/g, ''));
const arbSpaces = fc.constantFrom('', ' ', '  ', '\t', '\n');

describe('placeholderNames', () => {
  it('finds {{name}} with or without spaces inside the braces', () => {
    expect(placeholderNames('Hi {{customer_name}}, your plan is {{ plan }}.')).toEqual(['customer_name', 'plan']);
    expect(placeholderNames('{{\tpostcode\n}}')).toEqual(['postcode']);
  });

  it('lists each name once, in the order it first appears', () => {
    expect(placeholderNames('{{b}} {{a}} {{ b }} {{a}} {{c}}')).toEqual(['b', 'a', 'c']);
  });

  it('ignores braces around anything that cannot be a variable name', () => {
    expect(placeholderNames('{{}} {{ }} {{1st}} {{two words}} {{a.b}} {{a-b}} {{ café }} {name} {{name}')).toEqual([]);
  });

  it('is case-sensitive, as variable names are', () => {
    expect(placeholderNames('{{Plan}} {{plan}}')).toEqual(['Plan', 'plan']);
  });

  it('finds the name inside extra braces', () => {
    expect(placeholderNames('{{{plan}}}')).toEqual(['plan']);
  });

  it('every name inserted as {{name}} (any spacing, any text around) is found, and only those', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(arbFiller, arbName, arbSpaces, arbSpaces), { maxLength: 8 }), arbFiller, (parts, tail) => {
        const text = parts.map(([before, name, l, r]) => `${before}{{${l}${name}${r}}}`).join('') + tail;
        const found = placeholderNames(text);
        expect(new Set(found)).toEqual(new Set(parts.map(([, name]) => name)));
        for (const name of found) expect(VARIABLE_NAME_RULE.pattern.test(name)).toBe(true);
      }),
      { numRuns },
    );
  });

  it('text without braces has no placeholders', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(placeholderNames(text.replace(/[{}]/g, ''))).toEqual([]);
      }),
      { numRuns },
    );
  });
});

describe('checkPlaceholders', () => {
  it('names the placeholders without a variable and the variables no placeholder uses', () => {
    expect(checkPlaceholders(['customer_name', 'plan'], ['plan', 'postcode'])).toEqual({ missing: ['customer_name'], unused: ['postcode'] });
  });

  it('compares variable names trimmed and leaves out empty and repeated ones', () => {
    expect(checkPlaceholders(['plan'], [' plan ', '', 'postcode', 'postcode'])).toEqual({ missing: [], unused: ['postcode'] });
  });

  it('with no placeholders, every variable is unused', () => {
    expect(checkPlaceholders([], ['a', 'b'])).toEqual({ missing: [], unused: ['a', 'b'] });
  });
});

describe('removedVariablesInUse', () => {
  it('names the removed variables the description still uses, in its order', () => {
    expect(removedVariablesInUse(['a', 'plan', 'postcode'], ['a'], 'Post {{postcode}}, plan {{ plan }}')).toEqual(['postcode', 'plan']);
  });

  it('says nothing of removed variables the description does not use, or of kept ones', () => {
    expect(removedVariablesInUse(['a', 'b'], ['a'], 'uses {{a}} only')).toEqual([]);
    expect(removedVariablesInUse(['a'], [' a '], '{{a}}')).toEqual([]);
  });

  it('a renamed variable is a removal of its old name', () => {
    expect(removedVariablesInUse(['plan'], ['tier'], 'Your {{plan}}')).toEqual(['plan']);
  });
});
