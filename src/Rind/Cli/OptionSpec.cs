namespace Rind.Cli;

/// <summary>
/// One of rind's options: its names, whether it takes a value, what completion says of it, and what it sets.
/// </summary>
internal sealed record OptionSpec(char? ShortName, string LongName, bool TakesValue, string Summary, Func<Invocation, string?, Invocation> Apply)
{
    public string Display => "--" + LongName;
}
