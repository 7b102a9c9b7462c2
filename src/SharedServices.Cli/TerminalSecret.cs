using System.Text;

namespace SharedServices.Cli;

/// <summary>
/// Reads a password at the terminal without showing it: each key is read with echo off, and only the prompt goes to
/// stderr, so nothing of the password reaches the screen, the scroll-back or stdout.
/// </summary>
internal static class TerminalSecret
{
    public static string? Ask(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0) typed.Length--;
                continue;
            }
            if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}
