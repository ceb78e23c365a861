using System.Runtime.CompilerServices;

// The month-end benchmark builds a provider of realistic size from the demo generators.
[assembly: InternalsVisibleTo("Selvstyrt.Bench")]
