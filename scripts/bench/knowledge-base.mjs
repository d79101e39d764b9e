/** Knowledge-base budgets (issue 4): filled in when the drop zone lands. */
export async function measureKnowledgeBase() {
  return null;
}
