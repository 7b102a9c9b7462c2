namespace SharedServices.Core.Activity.Import;

/// <summary>
/// The whole file was refused before or while reading it (too big, not really a spreadsheet, a zip bomb, a missing
/// column, too many rows). The message is written for the finance officer and names the file's problem.
/// </summary>
public sealed class ActivityFileRefusedException(string message, Exception? inner = null) : Exception(message, inner);
