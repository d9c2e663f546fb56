namespace Rind.Backends;

/// <summary>What an option names, where completion asks a finder for the names it knows.</summary>
internal enum ChoiceKind
{
    /// <summary>-c: containers, or pods.</summary>
    Containers,

    /// <summary>-s: compose services.</summary>
    Services,

    /// <summary>-n: namespaces.</summary>
    Namespaces,
}
