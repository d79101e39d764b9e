// Mantine's styles for the components only the bulk editor uses, loaded with its chunk (the
// editor's chunk may not have loaded: a bulk edit can start straight from the list).
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Code.css';
import '@mantine/core/styles/Fieldset.css';
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/SimpleGrid.css';
import '@mantine/core/styles/Table.css';
