/** Request targets that try to climb out of the API prefixes (issue: the dev proxy reached other paths). */
export const DOT_DOT_PATHS = [
  '/test_framework/../../admin/',
  '/test_framework/%2e%2e/%2e%2e/user/v1/projects/',
  '/test_framework/%2E%2E/user/v1/projects/',
  '/test_framework/.%2e/user/',
  '/user/v1/..%2f..%2fadmin',
  '/user/v1/%2e%2e%5cadmin',
  '/user/..;/admin/',
  '/test_framework/v2/aiagents/..',
  '/test_framework/v2/aiagents/..?page=1',
];
