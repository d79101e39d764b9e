import { useQueryClient } from '@tanstack/react-query';
import { signOut } from '../api/api-key-store';

/** Signs out (in every tab) and forgets everything fetched with the key: the header's Sign out and the palette's. */
export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  return () => {
    signOut();
    queryClient.clear();
  };
}
