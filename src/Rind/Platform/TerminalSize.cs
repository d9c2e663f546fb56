namespace Rind.Platform;

/// <summary>A terminal's size in character cells.</summary>
internal readonly record struct TerminalSize(int Rows, int Columns);
