// Mantine's styles that no first screen shows: the modal of an expired sign-in, the alert of a
// failed request. Fetched just
// after the page has loaded (`main.tsx`), so they are in place long before a key can expire.
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Alert.css';
