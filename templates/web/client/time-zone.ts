/** The agency's zone, in which the pages show dates and times and take today. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
