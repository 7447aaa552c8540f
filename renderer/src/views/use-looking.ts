// Tells main whether the user is looking (poll faster) and at which scenarios (poll them first).
import { useEffect } from 'react';
import type { ScenarioKey } from '../../../shared/domain';
import { useServices } from '../app-context';

export function useLooking(scenarioKeys?: ScenarioKey[]) {
  const { api } = useServices();
  const keys = scenarioKeys?.join('\n') ?? '';
  useEffect(() => {
    const list = keys ? keys.split('\n') : undefined;
    const send = () => {
      const looking = document.visibilityState === 'visible';
      api.looking(looking, looking ? list : undefined).catch(() => undefined);
    };
    send();
    document.addEventListener('visibilitychange', send);
    return () => document.removeEventListener('visibilitychange', send);
  }, [api, keys]);
}
