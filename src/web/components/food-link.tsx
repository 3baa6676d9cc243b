import { useEffect, useState } from 'react';
import { loadFood } from '../food-cache.js';
import { href } from '../router.js';

/** A link to a food's page, named once its details arrive (the id until then). */
export function FoodLink({ id }: { id: string }) {
  const [name, setName] = useState<string>();
  useEffect(() => {
    let current = true;
    loadFood(id).then(
      (food) => current && setName(food.name),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [id]);
  return <a href={href('food', id)}>{name ?? id}</a>;
}
