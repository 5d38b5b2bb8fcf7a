"""Client events in the app: seminars and salons, invitations, replies, attendance and
the new money attendees brought in afterwards."""
