-- The events module owns tables prefixed . Its first real tables come with its issue.
select 1;
