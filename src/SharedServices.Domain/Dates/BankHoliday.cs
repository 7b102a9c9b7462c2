namespace SharedServices.Domain.Dates;

/// <summary>
/// A day on which England and Wales do not work: offices are shut, so it does not count towards
/// "5 working days" for call-in or any other deadline. <see cref="Name"/> is the name gov.uk publishes,
/// such as "Christmas Day (substitute day)", so a user can see why a deadline moved.
/// </summary>
public sealed record BankHoliday(DateOnly Date, string Name);
