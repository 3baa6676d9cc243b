import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../api.js';
import type { FoodHit } from '../api-types.js';
import { useDebounced } from '../lib.js';

/**
 * Search as you type (debounced), results as a list of buttons. Arrow Down moves from the
 * field into the results, Arrow Up/Down between them, Escape back to the field.
 */
export function FoodSearch({
  label,
  onPick,
  placeholder = 'e.g. natto, kale, gouda',
}: {
  label: string;
  onPick: (food: FoodHit) => void;
  placeholder?: string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 200);
  const [results, setResults] = useState<FoodHit[]>([]);
  const [status, setStatus] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (query.length < 2) {
      setResults([]);
      setStatus('');
      return;
    }
    let current = true;
    setStatus('Searching…');
    api.searchFoods(query, 12).then(
      (body) => {
        if (!current) return;
        setResults(body.results);
        const count = body.results.length;
        setStatus(count ? `${count} ${count === 1 ? 'food' : 'foods'} found` : 'No food found');
      },
      (error: Error) => current && setStatus(`Search failed: ${error.message}`),
    );
    return () => {
      current = false;
    };
  }, [query]);

  const buttons = () => Array.from(listRef.current?.querySelectorAll('button') ?? []);
  const moveFocus = (from: number, step: number) => {
    const all = buttons();
    const next = from + step;
    if (next < 0) inputRef.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };

  return (
    <div className="food-search">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        placeholder={placeholder}
        aria-describedby={`${id}-status`}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && results.length) {
            event.preventDefault();
            moveFocus(-1, 1);
          }
        }}
      />
      <p id={`${id}-status`} className="muted small" role="status" aria-live="polite">
        {status}
      </p>
      {results.length > 0 ? (
        <ul className="search-results" ref={listRef} aria-label={`${label}: results`}>
          {results.map((hit, index) => (
            <li key={hit.id}>
              <button
                type="button"
                onClick={() => {
                  onPick(hit);
                  setText('');
                  setResults([]);
                  setStatus(`${hit.name} selected`);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'ArrowDown') {
                    event.preventDefault();
                    moveFocus(index, 1);
                  } else if (event.key === 'ArrowUp') {
                    event.preventDefault();
                    moveFocus(index, -1);
                  } else if (event.key === 'Escape') {
                    inputRef.current?.focus();
                  }
                }}
              >
                <span className="hit-name">{hit.name}</span>
                <span className="muted small">{hit.group}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
